package com.billingportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The production layout that {@code ./mvnw -Pproduction package} makes in {@code target/portal}
 * (pom.xml, docs/operations.md): copied elsewhere as a whole, with the files' times kept, and started
 * from inside as the docs say, the portal's classes come from its class data sharing archive. The
 * JVM ignores an archive that does not match without a word, so only the class-loading log tells.
 * Skipped in a build without that profile.
 */
class ProductionLayoutIT {

	private static final String LAYOUT = System.getProperty("production.layout", "");

	@TempDir
	Path elsewhere;

	@Test
	void startsFromACopyWithItsClassesFromTheArchive() throws Exception {
		Path copy = copyOfTheLayout();

		List<String> loaded = start(copy, "-XX:SharedArchiveFile=billing-portal.jsa", "billing-portal.jar");

		long fromArchive = loaded.stream().filter(line -> line.contains("source: shared objects file (top)")).count();
		long fromJars = loaded.stream().filter(line -> line.contains("source: file:") || line.contains("source: jar:"))
			.count();
		assertThat(fromArchive).as("classes mapped from billing-portal.jsa").isGreaterThan(5000);
		assertThat(fromArchive).as("classes from the archive against classes read from the jars (%d)", fromJars)
			.isGreaterThan(4 * fromJars);
	}

	@Test
	void startedFromOutsideItsDirectoryTheArchiveIsIgnored() throws Exception {
		// What docs/operations.md warns of, and proof that the count above can fail.
		Path copy = copyOfTheLayout();

		List<String> loaded = start(elsewhere, "-XX:SharedArchiveFile=" + copy.resolve("billing-portal.jsa"),
				copy.resolve("billing-portal.jar").toString());

		assertThat(loaded).noneMatch(line -> line.contains("source: shared objects file (top)"));
	}

	/**
	 * Starts the portal from the directory with the jar as given until its application context is ready,
	 * and returns -Xlog:class+load's lines.
	 */
	private List<String> start(Path directory, String shareOption, String jar)
			throws IOException, InterruptedException {
		Path log = elsewhere.resolve("class-load-" + System.nanoTime() + ".txt");
		Path out = elsewhere.resolve("portal-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				shareOption, "-Xlog:class+load:file=" + log, "-Dspring.context.exit=onRefresh", "-jar", jar,
				"--spring.datasource.url=jdbc:h2:mem:production-layout-it", "--server.port=0",
				"--management.server.port=0", "--spring.main.banner-mode=off")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("The portal did not reach a ready context within 5 minutes: " + out);
		}
		assertThat(process.exitValue()).as("exit code; its output: %s", Files.readString(out)).isZero();
		return Files.readAllLines(log);
	}

	/** target/portal copied to a temporary directory as docs/operations.md says: whole, times kept. */
	private Path copyOfTheLayout() throws IOException {
		// The profile, not the machine, decides whether there is a layout: skipped without it (whatever
		// it.required says), failed where the profile ran and left no archive.
		Assumptions.assumeFalse(LAYOUT.isEmpty(),
				"Built without -Pproduction: no production layout to start (./mvnw verify -Pproduction)");
		Path layout = Path.of(LAYOUT);
		assertThat(layout.resolve("billing-portal.jsa")).as("the archive -Pproduction makes").isRegularFile();
		return copyKeepingTimes(layout, elsewhere.resolve("portal"));
	}

	private static Path copyKeepingTimes(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return to;
	}

}
