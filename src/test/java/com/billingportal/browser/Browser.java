package com.billingportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.billingportal.support.Requirements;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Both paths are given
 * explicitly, so Selenium never looks for (or downloads) a driver or a browser of its own.
 */
public final class Browser implements AutoCloseable {

	/** Debian's Chromium; another path with -Dbrowser.chromium=... */
	public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	/** Debian's chromedriver; another path with -Dbrowser.chromedriver=... */
	public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private final String baseUrl;

	private final String screenshotFolder;

	private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl,
			String screenshotFolder) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
		this.baseUrl = baseUrl;
		this.screenshotFolder = screenshotFolder;
	}

	/** Skips the calling test (or fails it under -Dit.required=true) where Chromium is missing. */
	public static void requireChromium() {
		Requirements.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver)");
	}

	/** A desktop-sized window (1366×768) with JavaScript on. */
	public static Browser open(int port, String screenshotFolder) {
		return open(port, screenshotFolder, true);
	}

	public static Browser open(int port, String screenshotFolder, boolean javascript) {
		requireChromium();
		// Selenium reads these before it would ever ask Selenium Manager.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=en-US",
				"--window-size=1366,768", "--user-data-dir=" + profile);
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("intl.accept_languages", "en-US,en");
		prefs.put("credentials_enable_service", false);
		prefs.put("profile.password_manager_enabled", false);
		if (!javascript) {
			prefs.put("profile.managed_default_content_settings.javascript", 2);
		}
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, service, profile, "http://localhost:" + port, screenshotFolder);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(this.driver, WAIT);
	}

	public String url(String path) {
		return this.baseUrl + path;
	}

	/** Opens a path of the portal, e.g. {@code /login}. */
	public void go(String path) {
		this.driver.get(url(path));
	}

	/** A fresh session: signed out, nothing remembered. */
	public void reset() {
		this.driver.manage().deleteAllCookies();
		resize(1366, 768);
	}

	/** Sets the size of the page's viewport in CSS pixels (headless: the window is the viewport). */
	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Saves what the page shows now as target/screenshots/FOLDER/NAME.png. */
	public Path screenshot(String name) {
		Path file = SCREENSHOTS.resolve(this.screenshotFolder).resolve(name + ".png");
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** Like {@link #screenshot} but of the whole page, however long, at the current width. */
	public Path fullPageScreenshot(String name) {
		Dimension before = this.driver.manage().window().getSize();
		script("window.scrollTo(0, 0)");
		long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
		resize(before.getWidth(), (int) Math.max(before.getHeight(), Math.min(height, 4000)));
		try {
			return screenshot(name);
		}
		finally {
			resize(before.getWidth(), before.getHeight());
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A left-over temporary profile is harmless.
		}
	}

}
