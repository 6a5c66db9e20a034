package com.billingportal.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.support.DemoData;
import com.billingportal.user.UserService;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every page each demo sign-in reaches by links from
 * home, and on the states no link leads to: the Pay now blade with errors, a declined card, the
 * bank's verification step, sign-up with errors, an expired session, the error pages; every page
 * on a laptop (1366 px) and on a phone (390 px). No violation of impact serious or critical
 * anywhere; everything axe found is listed in target/accessibility/report.txt, and the moderate
 * and minor ones are printed too. Plus what axe cannot judge alone: every field has a label, the
 * blade is announced as a region, and a status is written in words, not shown by colour alone.
 * Pays nothing: a declined card and a failed verification change no invoice.
 */
@BrowserTest
class AccessibilityIT extends ChromiumTest {

	private static final int LAPTOP = 1366;

	private static final int PHONE = 390;

	/**
	 * Pages no link leads to, each checked by a test of its own here: signing in and up (before
	 * there is anyone to follow links), the error page (a wrong address, a refused one) and the
	 * bank's verification step (after Pay now), and an invited admin's link from an email (/welcome).
	 */
	private static final Set<String> NOT_BY_LINKS = Set.of("/login", "/signup", "/error", "/welcome",
			"/billing/accounts/{accountId}/payments/{reference}/verify",
			"/billing/accounts/{accountId}/invoices/pay-selected", "/billing/accounts/{accountId}/invoices/download");

	/** Not pages: the API and its description answer JSON to programs, never HTML to a browser. */
	private static boolean isForPrograms(String route) {
		return route.startsWith("/api/") || route.startsWith("/v3/api-docs");
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserService users;

	@Autowired
	BillingAccountService accounts;

	@Autowired
	InvoiceTotals totals;

	@Override
	String screenshotFolder() {
		return "accessibility";
	}

	@Test
	void theBillingAccountAdminReachesEveryPageByLinks() {
		// An invitation waits for the admin, so that the Invitations page is linked (and checked), and
		// one sent by the admin, so that the IAM page lists it; the database is shared with the other
		// browser classes, so both go again afterwards.
		invite(DemoData.NORTHWIND, DemoData.CONTOSO_ADMIN);
		invite(DemoData.CONTOSO, "pending@example.com");
		// An email in Email history, so that a message's page is linked whatever ran before.
		new DemoData(this.jdbc, this.users, this.accounts, this.totals).keptEmail(DemoData.CONTOSO);
		PageWalk walk;
		try {
			walk = walkAs(DemoData.CONTOSO_ADMIN, 2);
		}
		finally {
			this.jdbc.update("delete from invitation where email in (?, ?)", DemoData.CONTOSO_ADMIN,
					"pending@example.com");
		}
		Set<String> unreached = new TreeSet<>(new Routes(this.handlerMapping).pages());
		unreached.removeAll(walk.reachedRoutes());
		unreached.removeAll(NOT_BY_LINKS);
		unreached.removeIf(AccessibilityIT::isForPrograms);
		assertThat(unreached).as("pages of the portal the admin cannot reach by links (so no walk checks them)")
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { DemoData.CONTOSO_READER, DemoData.CONTOSO_CONTRIBUTOR, DemoData.FABRIKAM_ADMIN,
			DemoData.NORTHWIND_ADMIN })
	void everyOtherSignIn(String email) {
		walkAs(email, 1);
	}

	@Test
	void signInAndAnExpiredSession() {
		LoginPage.open(this.browser);
		assertNoSeriousViolationsAtBothWidths("sign-in");
		assertEveryFieldHasALabel();

		this.browser.go("/login?error");
		assertThat(new LoginPage(this.browser).error()).isPresent();
		assertNoSeriousViolationsAtBothWidths("sign-in with an error");

		LoginPage.open(this.browser).signIn(DemoData.CONTOSO_CONTRIBUTOR, LoginPage.DEMO_PASSWORD);
		expireTheSession();
		this.browser.go("/billing");
		assertThat(this.browser.driver().findElement(By.cssSelector(".flash-info")).getText())
			.isEqualTo("Your session has expired. Sign in again.");
		assertNoSeriousViolationsAtBothWidths("sign-in after the session expired");
	}

	@Test
	void anInvitationLinkThatNoLongerWorks() {
		this.browser.go("/welcome?token=" + "A".repeat(43));
		assertThat(this.browser.driver().findElement(By.id("welcome-invalid")).getText())
			.startsWith("This link has been used or has expired.");
		assertNoSeriousViolationsAtBothWidths("an invitation link that no longer works");
	}

	@Test
	void signUpWithErrors() {
		this.browser.go("/signup");
		assertNoSeriousViolationsAtBothWidths("sign-up");
		WebElement submit = this.browser.driver().findElement(By.cssSelector("#signup-form button[type=submit]"));
		Navigation.waitingForNewPage(this.browser, submit::click);
		assertThat(this.browser.driver().findElement(By.id("signup-errors")).getText())
			.contains("Some details need your attention");
		assertThat(this.browser.driver().findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
		assertNoSeriousViolationsAtBothWidths("sign-up with errors");
		assertEveryFieldHasALabel();
	}

	@Test
	void payNowBladeWithValidationErrors() {
		InvoicesPage invoices = invoicesAsTheAdmin();
		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due"));

		// "Add a new payment method" with nothing filled in: the blade comes back with errors.
		blade = blade.chooseNewCard().payNowExpectingBlade();
		assertThat(blade.fieldErrors()).contains("✕ Enter the card number.");
		assertThat(blade.field("newCard.number").getAttribute("aria-invalid")).isEqualTo("true");
		this.browser.screenshot("pay-blade-validation-errors");
		assertNoSeriousViolationsAtBothWidths("the Pay now blade with validation errors");
		assertEveryFieldHasALabel();
		assertStatusesAreWrittenInWords();

		WebElement region = blade.blade();
		assertThat(region.getTagName()).isEqualTo("section");
		assertThat(region.getAttribute("role")).isEqualTo("region");
		String labelledBy = region.getAttribute("aria-labelledby");
		assertThat(this.browser.driver().findElement(By.id(labelledBy)).getText()).isEqualTo("Pay now");
		assertThat(this.browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
			.contains("Some details need your attention");
	}

	@Test
	void aDeclinedCard() {
		InvoicesPage invoices = invoicesAsTheAdmin();
		PayBlade blade = invoices.payNow(invoices.firstPayable("Past due"))
			.chooseNewCard()
			.typeNewCard(NewCard.declined())
			.payNowExpectingBlade();
		assertThat(blade.failure()).hasValueSatisfying((m) -> assertThat(m).contains("Your payment didn't go through."));
		String amountDue = blade.facts().get("Amount due");
		assertThat(blade.declineChecks()).satisfiesExactly(
				(c) -> assertThat(c).contains("international transactions", "online"),
				(c) -> assertThat(c).startsWith("Prepaid and virtual cards may be refused"),
				(c) -> assertThat(c).contains(amountDue, "credit limit"),
				(c) -> assertThat(c).contains("contact your bank"));
		assertNoSeriousViolationsAtBothWidths("the Pay now blade after a decline");
	}

	@Test
	void theBanksVerificationStep() {
		InvoicesPage invoices = invoicesAsTheAdmin();
		String number = invoices.firstPayable("Past due");
		VerificationPage verification = invoices.payNow(number)
			.chooseNewCard()
			.typeNewCard(NewCard.needsVerification())
			.payNowExpectingVerification();
		assertNoSeriousViolationsAtBothWidths("the bank's verification step");

		InvoicesPage after = verification.fail();
		assertThat(after.flash()).hasValueSatisfying((f) -> assertThat(f).contains("Nothing was charged"));
		assertThat(after.status(number)).isEqualTo("Past due");
		assertNoSeriousViolationsAtBothWidths("invoices after a failed verification");
	}

	@Test
	void errorPages() {
		LoginPage.open(this.browser).signIn(DemoData.CONTOSO_READER, LoginPage.DEMO_PASSWORD);
		this.browser.go("/billing/accounts/" + DemoData.FABRIKAM);
		assertThat(new PortalShell(this.browser).heading()).isEqualTo("Not found");
		assertNoSeriousViolationsAtBothWidths("not found");

		String number = this.jdbc.queryForObject("select min(invoice_number) from invoice where billing_account_id = ?"
				+ " and status = 'DUE'", String.class, DemoData.CONTOSO);
		this.browser.go("/billing/accounts/" + DemoData.CONTOSO + "/invoices/" + number + "/pay");
		assertThat(new PortalShell(this.browser).heading()).isEqualTo("Access denied");
		assertNoSeriousViolationsAtBothWidths("access denied");
	}

	/** Pay selected opens from the list's form (Pay all past due), not from a link; Download answers a ZIP. */
	@Test
	void thePaySelectedBlade() {
		LoginPage.open(this.browser).signIn(DemoData.CONTOSO_ADMIN, LoginPage.DEMO_PASSWORD);
		this.browser.go("/billing/accounts/" + DemoData.CONTOSO + "/invoices/pay-selected?pastDue=all");
		assertThat(this.browser.driver().getCurrentUrl()).contains("/pay-selected");
		assertNoSeriousViolationsAtBothWidths("pay selected");
	}

	@Test
	void theAdminsProperties() {
		PropertiesPage properties = PropertiesPage.fromPane(LoginPage.open(this.browser)
			.signIn(DemoData.CONTOSO_ADMIN, LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement());
		assertThat(properties.facts()).containsEntry("Billing account type", "Microsoft Customer Agreement");
		assertThat(properties.facts().get("Your role")).startsWith("Owner");
		assertThat(properties.facts().get("You can pay invoices")).startsWith("Yes");
		this.browser.screenshot("properties-admin");
	}

	@Test
	void aReadersInvoicesInChineseAndProperties() {
		LoginPage.open(this.browser).signIn(DemoData.CONTOSO_READER, LoginPage.DEMO_PASSWORD);
		this.browser.go("/billing?lang=zh_CN");
		new BillingOverviewPage(this.browser).paneLink("发票").click();
		new InvoicesPage(this.browser);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertNoSeriousViolationsAtBothWidths("invoices in Chinese, as a reader");
		this.browser.screenshot("invoices-reader-zh-CN");

		this.browser.go("/billing?lang=en");
		PropertiesPage properties = PropertiesPage.fromPane(new BillingOverviewPage(this.browser));
		assertThat(properties.facts()).containsEntry("Your role", "Reader");
		assertThat(properties.facts().get("You can pay invoices")).startsWith("No")
			.contains("You must be the billing account admin to pay invoices.");
		this.browser.screenshot("properties-reader");
	}

	/**
	 * Signs in and checks every page the walk reaches, on a laptop (1366 px) and on a phone (390 px):
	 * axe, labels, statuses in words. Fails at the end with every serious or critical violation of
	 * every page, so one run lists them all. The admin sees the most; the walk opens two pages of
	 * each kind for the admin (the first and the last of a list), one for everyone else.
	 */
	private PageWalk walkAs(String email, int perKind) {
		LoginPage.open(this.browser).signIn(email, LoginPage.DEMO_PASSWORD);
		PageWalk walk = new PageWalk(this.browser, new Routes(this.handlerMapping), perKind);
		List<String> failures = new ArrayList<>();
		int[] others = { 0 };
		long started = System.nanoTime();
		List<String> opened = walk.walk(List.of("/", "/search?q=cost"), (path) -> {
			for (int width : new int[] { LAPTOP, PHONE }) {
				this.browser.resize(width, (width == PHONE) ? 844 : 768);
				Results results = Accessibility.check(this.browser, email);
				List<Rule> blocking = Accessibility.blocking(results);
				others[0] += results.getViolations().size() - blocking.size();
				if (!blocking.isEmpty()) {
					failures.add(path + " at " + width + " px:\n" + Accessibility.describe(blocking));
				}
			}
			this.browser.resize(LAPTOP, 768);
			assertEveryFieldHasALabel();
			assertStatusesAreWrittenInWords();
		});
		System.out.printf("[axe] %s: %d pages at %d and %d px in %d s; %d with serious or critical violations;"
				+ " %d moderate or minor violations%n", email, opened.size(), LAPTOP, PHONE,
				(System.nanoTime() - started) / 1_000_000_000L, failures.size(), others[0]);
		assertThat(opened).as("pages opened by the walk").hasSizeGreaterThan(5);
		assertThat(failures).as("serious or critical accessibility violations:\n" + String.join("\n", failures))
			.isEmpty();
		return walk;
	}

	private void invite(long accountId, String email) {
		this.jdbc.update("insert into invitation (billing_account_id, email, role, invited_by, created_at, status, pending)"
				+ " select id, ?, 'READER', admin_user_id, current_timestamp, 'PENDING', true from billing_account"
				+ " where id = ?", email, accountId);
	}

	private void assertNoSeriousViolationsAtBothWidths(String page) {
		Accessibility.assertNoSeriousViolations(this.browser, page);
		this.browser.resize(PHONE, 844);
		try {
			Accessibility.assertNoSeriousViolations(this.browser, page);
		}
		finally {
			this.browser.resize(LAPTOP, 768);
		}
	}

	private InvoicesPage invoicesAsTheAdmin() {
		return LoginPage.open(this.browser)
			.signIn(DemoData.CONTOSO_ADMIN, LoginPage.DEMO_PASSWORD)
			.search("cost")
			.chooseCostManagement()
			.invoicesFromPane();
	}

	/** Ages the browser's session on the server past its idle time-out, as 30 idle minutes would. */
	private void expireTheSession() {
		String cookie = this.browser.driver().manage().getCookieNamed("SESSION").getValue();
		String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		long longAgo = System.currentTimeMillis() - 31 * 60 * 1000L;
		assertThat(this.jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?",
				longAgo, longAgo + 30 * 60 * 1000L, id))
			.as("the browser's session in the database")
			.isEqualTo(1);
	}

	/** Every input, select and textarea a user can fill in is named by a label (or an ARIA label). */
	private void assertEveryFieldHasALabel() {
		Object unlabelled = this.browser.script("return Array.from(document.querySelectorAll("
				+ "'input:not([type=hidden]), select, textarea')).filter(function (f) {"
				+ " var byLabel = Array.from(f.labels || []).map(function (l) { return l.textContent; }).join(' ');"
				+ " var byId = (f.getAttribute('aria-labelledby') || '').split(' ').map(function (id) {"
				+ "   var e = document.getElementById(id); return e ? e.textContent : ''; }).join(' ');"
				+ " return !(byLabel + ' ' + byId + ' ' + (f.getAttribute('aria-label') || '')).trim();"
				+ "}).map(function (f) { return f.name + ' (#' + f.id + ')'; });");
		assertThat((List<?>) unlabelled).as("fields without a label on " + this.browser.driver().getCurrentUrl())
			.isEmpty();
	}

	/** A status badge (an invoice's, a payment's) is a symbol plus words; the colour only repeats what the words say. */
	private void assertStatusesAreWrittenInWords() {
		@SuppressWarnings("unchecked")
		List<List<String>> statuses = (List<List<String>>) this.browser.script("return Array.from("
				+ "document.querySelectorAll('.status')).map(function (s) { return ["
				+ " s.querySelector('span:not(.status-icon)').textContent.trim(),"
				+ " s.querySelector('.status-icon').getAttribute('aria-hidden')]; });");
		for (List<String> status : statuses) {
			assertThat(status.get(0)).as("a status on " + this.browser.driver().getCurrentUrl())
				.isIn("Due", "Past due", "Partially paid", "Processing", "Paid", "Void", "Pending", "Succeeded", "Failed", "Sending", "Sent",
						"Kept (no mail server)");
			assertThat(status.get(1)).as("the symbol of a status is hidden from screen readers").isEqualTo("true");
		}
	}

}
