package com.billingportal.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.billingportal.autopay.AutomaticPayments;
import com.billingportal.card.CardExpiryWatch;
import com.billingportal.invoice.InvoiceAnnouncements;
import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.Pdfs;
import com.billingportal.support.PortalTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * The emails through a real SMTP server (GreenMail): who gets each, in which language, the PDF
 * attached (read back with PDFBox), the links, never a card number; the outbox's guarantees when a
 * listener fails after the commit, and a mail server that is down while a payment is made. The
 * listeners run on their own threads here, as in production.
 */
@PortalTest
class EmailsTest {

	static final int SMTP_PORT = freePort();

	static final String BASE_URL = "https://billing.example.test";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("billing.notifications.base-url", () -> BASE_URL);
		registry.add("billing.test.events", () -> "async");
	}

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	InvoiceAnnouncements announcements;

	@Autowired
	AutomaticPayments autopay;

	@Autowired
	CardExpiryWatch cardExpiry;

	@Autowired
	EmailDelivery delivery;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	MutableClock clock;

	@MockitoSpyBean
	EmailOutbox outbox;

	@MockitoSpyBean
	EmailDelivery spiedDelivery;

	/** The invoices earlier tests left due are old news: only a test's own invoices are announced. */
	@BeforeEach
	void earlierInvoicesAnnounced() {
		this.demo.jdbc().update("update invoice set issue_announced_at = current_timestamp where issue_announced_at is null");
		this.demo.jdbc().update("update invoice set past_due_announced_at = current_timestamp where past_due_announced_at is null");
	}

	@AfterEach
	void settle() {
		awaitOutboxIdle();
		this.demo.jdbc().update("update app_user set language = null");
		this.demo.jdbc().update("update billing_profile set invoice_email = false");
		this.demo.jdbc().update("delete from billing_profile_recipient");
		this.clock.reset();
	}

	@Test
	void aReceiptGoesToThePayerAndTheProfilesRecipientsEachInTheirLanguageWithThePdf() throws Exception {
		this.demo.jdbc().update("update app_user set language = 'zh-CN' where email = ?", DemoData.CONTOSO_ADMIN);
		optIn("ap@contoso.com");
		String invoice = this.demo.newDueInvoice();

		Payment payment = pay(invoice, null, "4242424242424242");

		MimeMessage[] received = awaitMessages(2);
		MimeMessage admin = to(received, DemoData.CONTOSO_ADMIN);
		MimeMessage outside = to(received, "ap@contoso.com");
		assertThat(admin.getSubject()).isEqualTo("付款收据：发票 " + invoice + " 已付款");
		assertThat(text(admin)).contains("我们已收到你为发票 " + invoice + " 支付的 $106.00");
		assertThat(outside.getSubject()).isEqualTo("Payment receipt: invoice " + invoice + " is paid");
		for (MimeMessage message : received) {
			assertThat(text(message)).contains(BASE_URL + "/billing/accounts/" + this.demo.contoso() + "/payments/"
					+ payment.reference() + "/receipt");
			assertThat(Pdfs.text(attachment(message, "receipt-" + payment.reference() + ".pdf")))
				.contains(payment.reference())
				.contains(invoice);
			assertNoCardData(message, payment);
		}
		String eventId = this.demo.jdbc()
			.queryForObject("select max(event_id) from email_message where about = ?", String.class, invoice);
		assertThat(admin.getMessageID()).startsWith("<" + eventId + ".").endsWith("@billing-portal>");
		assertThat(outside.getMessageID()).startsWith("<" + eventId + ".").isNotEqualTo(admin.getMessageID());
		await(() -> statuses(invoice).equals(List.of("SENT", "SENT")));
	}

	@Test
	void aFailedPaymentTellsTheAdminTheReasonAndWhatToDoNext() throws Exception {
		optIn("ap@contoso.com");
		String invoice = this.demo.newDueInvoice();

		Payment payment = pay(invoice, null, "4000000000000002");

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		MimeMessage failed = awaitMessages(1)[0];
		assertThat(failed.getAllRecipients()).extracting(Address::toString).containsExactly(DemoData.CONTOSO_ADMIN);
		assertThat(failed.getSubject()).isEqualTo("Your payment for invoice " + invoice + " didn't go through");
		assertThat(text(failed)).contains("Nothing was charged and the invoice is unchanged.")
			.contains("The card allows international transactions")
			.contains(BASE_URL + "/billing/accounts/" + this.demo.contoso() + "/invoices/" + invoice + "/pay");
		assertNoCardData(failed, payment);
	}

	@Test
	void aFailedPayForSeveralInvoicesNamesEveryInvoiceAndLinksToTheInvoicesList() throws Exception {
		String first = this.demo.newDueInvoice();
		String second = this.demo.newDueInvoice();

		Payment payment = this.payments.payInvoices(this.demo.adminAccess(), this.demo.admin(), List.of(first, second),
				UUID.randomUUID().toString(), null, DemoData.newCard("4000000000000002"));

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		MimeMessage failed = awaitMessages(1)[0];
		assertThat(failed.getSubject()).isEqualTo("Your payment for invoices " + first + ", " + second + " didn't go through");
		assertThat(text(failed)).contains(first + ", " + second)
			.contains("Nothing was charged and the invoices are unchanged.")
			.contains(BASE_URL + "/billing/accounts/" + this.demo.contoso() + "/invoices\"")
			.doesNotContain("/invoices/" + first + "/pay");
		assertNoCardData(failed, payment);
	}

	@Test
	void declinedAutomaticAttemptsAreNotMailedEachTimeTheAdminIsToldOnceAfterTheLast() throws Exception {
		long profile = this.demo.profileId("Contoso Billing");
		long card = this.demo.jdbc()
			.queryForObject("select default_card_id from billing_profile where id = ?", Long.class, profile);
		String token = this.demo.jdbc()
			.queryForObject("select gateway_token from credit_card where id = ?", String.class, card);
		this.demo.jdbc().update("update autopay_invoice set outcome = 'CANCELLED', next_attempt_at = null");
		this.demo.jdbc().update("update credit_card set gateway_token = 'sbx_decline_emailstest' where id = ?", card);
		try {
			String invoice = this.demo.newDueInvoice();
			assertThat(this.announcements.announce()).isEqualTo(1);
			await(() -> this.demo.jdbc()
				.queryForObject("select count(*) from autopay_invoice a join invoice i on i.id = a.invoice_id"
						+ " where i.invoice_number = ?", Integer.class, invoice) == 1);

			// The first attempt and the retries 1, 3 and 7 days after it: four declines.
			for (Duration wait : List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4))) {
				this.clock.advance(wait);
				assertThat(this.autopay.runDue()).isEqualTo(1);
			}
			assertThat(this.demo.payments(invoice, PaymentStatus.FAILED)).isEqualTo(4);
			awaitOutboxIdle();

			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			List<String> subjects = new java.util.ArrayList<>();
			for (MimeMessage message : smtp.getReceivedMessages()) {
				subjects.add(message.getSubject());
			}
			assertThat(subjects).containsExactly("Automatic payment of invoice " + invoice + " failed");
			MimeMessage told = smtp.getReceivedMessages()[0];
			assertThat(told.getAllRecipients()).extracting(Address::toString).containsExactly(DemoData.CONTOSO_ADMIN);
			assertThat(this.demo.jdbc()
				.queryForList("select kind from email_message where about = ? order by id", String.class, invoice))
				.as("no 'payment failed' email per automatic attempt")
				.containsExactly("AUTOPAY_FAILED");
		}
		finally {
			this.demo.jdbc().update("update credit_card set gateway_token = ? where id = ?", token, card);
		}
	}

	@Test
	void anIssuedInvoiceIsMailedOnceAndOnlyToTheRecipientsOfAProfileThatOptedIn() throws Exception {
		String notOptedIn = this.demo.newDueInvoice();
		assertThat(this.announcements.announce()).isEqualTo(1);
		awaitOutboxIdle();
		assertThat(statuses(notOptedIn)).isEmpty();

		optIn("ap@contoso.com", "controller@contoso.com");
		String invoice = this.demo.newDueInvoice();
		assertThat(this.announcements.announce()).isEqualTo(1);
		assertThat(this.announcements.announce()).as("announced once").isZero();

		MimeMessage[] received = awaitMessages(2);
		assertThat(Arrays.stream(received).map(this::firstRecipient)).containsExactlyInAnyOrder("ap@contoso.com",
				"controller@contoso.com");
		for (MimeMessage message : received) {
			assertThat(message.getSubject()).isEqualTo("Your invoice " + invoice + " is ready");
			assertThat(text(message)).contains("Pay now: " + BASE_URL + "/billing/accounts/" + this.demo.contoso()
					+ "/invoices/" + invoice + "/pay");
			assertThat(Pdfs.text(attachment(message, "invoice-" + invoice + ".pdf"))).contains(invoice)
				.contains("106.00");
		}
	}

	@Test
	void anInvoiceStillDueTheDayAfterItsDueDateIsAnnouncedPastDueOnce() throws Exception {
		optIn("ap@contoso.com");
		String dueToday = this.demo.newDueInvoice();
		String dueYesterday = this.demo.newDueInvoice();
		this.demo.jdbc().update("update invoice set due_date = ? where invoice_number = ?", LocalDate.now(), dueToday);
		this.demo.jdbc()
			.update("update invoice set due_date = ? where invoice_number = ?", LocalDate.now().minusDays(1), dueYesterday);
		this.demo.jdbc().update("update invoice set issue_announced_at = current_timestamp where invoice_number in (?, ?)",
				dueToday, dueYesterday);

		assertThat(this.announcements.announce() + this.announcements.announce()).isEqualTo(1);

		MimeMessage[] received = awaitMessages(2);
		assertThat(Arrays.stream(received).map(this::firstRecipient)).containsExactlyInAnyOrder(DemoData.CONTOSO_ADMIN,
				"ap@contoso.com");
		for (MimeMessage message : received) {
			assertThat(message.getSubject()).isEqualTo("Invoice " + dueYesterday + " is past due");
			assertThat(Pdfs.text(attachment(message, "invoice-" + dueYesterday + ".pdf"))).contains(dueYesterday);
		}
		assertThat(statuses(dueToday)).isEmpty();
	}

	@Test
	void aDefaultCardExpiringWithin30DaysIsAnnouncedToTheAdminOnce() throws Exception {
		long visa = this.demo.visa();
		LocalDate today = LocalDate.now();
		this.demo.jdbc().update("update credit_card set expiry_month = ?, expiry_year = ? where id = ?",
				today.getMonthValue(), today.getYear(), visa);
		try {
			assertThat(this.cardExpiry.announce() + this.cardExpiry.announce()).isEqualTo(1);
			MimeMessage expiring = awaitMessages(1)[0];
			assertThat(firstRecipient(expiring)).isEqualTo(DemoData.CONTOSO_ADMIN);
			assertThat(expiring.getSubject()).isEqualTo("Your Visa ending in 4242 expires soon");
			assertThat(text(expiring)).contains(BASE_URL + "/billing/accounts/" + this.demo.contoso() + "/payment-methods")
				.doesNotContain("4242424242424242");
		}
		finally {
			this.demo.jdbc().update("update credit_card set expiry_year = ? where id = ?", today.getYear() + 3, visa);
		}
	}

	@Test
	void withTheMailServerDownAPaymentSucceedsAtOnceAndItsReceiptFollowsWhenTheServerIsBack() throws Exception {
		smtp.stop();
		String invoice = this.demo.newDueInvoice();
		long started = System.nanoTime();

		Payment payment = pay(invoice, this.demo.visa(), null);

		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.demo.invoiceStatus(invoice)).isEqualTo("PAID");
		await(() -> this.demo.jdbc()
			.queryForObject("select count(*) from email_message where about = ? and status = 'PENDING' and attempts = 1"
					+ " and last_error is not null", Integer.class, invoice) == 1);
		this.delivery.retryDue();
		assertThat(statuses(invoice)).as("not retried before its wait is over").containsExactly("PENDING");

		smtp.start();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.delivery.retryDue()).isEqualTo(1);

		MimeMessage receipt = awaitMessages(1)[0];
		assertThat(receipt.getSubject()).isEqualTo("Payment receipt: invoice " + invoice + " is paid");
		assertThat(receipt.getMessageID()).isEqualTo(this.demo.jdbc()
			.queryForObject("select message_id from email_message where about = ?", String.class, invoice));
		assertThat(this.demo.jdbc()
			.queryForMap("select status, attempts, last_error from email_message where about = ?", invoice))
			.containsEntry("STATUS", "SENT")
			.containsEntry("ATTEMPTS", 2);
	}

	@Test
	void aListenerThatFailsAfterTheCommitIsDeliveredOnResubmissionOnce() throws Exception {
		doThrow(new IllegalStateException("node stopped")).doCallRealMethod().when(this.outbox).record(any(), any());
		String invoice = this.demo.newDueInvoice();

		pay(invoice, this.demo.visa(), null);

		awaitListenerFailed();
		assertThat(statuses(invoice)).isEmpty();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		awaitOutboxIdle();
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		awaitOutboxIdle();

		assertThat(awaitMessages(1)).singleElement()
			.satisfies((m) -> assertThat(m.getSubject()).contains(invoice));
		await(() -> statuses(invoice).equals(List.of("SENT")));
	}

	@Test
	void aNodeStoppingAfterSendingButBeforeCompletingSendsNothingTwice() throws Exception {
		doAnswer((call) -> {
			call.callRealMethod();
			throw new IllegalStateException("node stopped after sending");
		}).doCallRealMethod().when(this.spiedDelivery).send(anyList());
		String invoice = this.demo.newDueInvoice();

		pay(invoice, this.demo.visa(), null);
		awaitMessages(1);
		awaitListenerFailed();

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		awaitOutboxIdle();
		this.delivery.retryDue();

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(statuses(invoice)).containsExactly("SENT");
	}

	private Payment pay(String invoice, Long cardId, String newCardNumber) {
		return this.payments.pay(this.demo.adminAccess(), this.demo.admin(), invoice, UUID.randomUUID().toString(),
				cardId, (newCardNumber != null) ? DemoData.newCard(newCardNumber) : null);
	}

	private void optIn(String... recipients) {
		long profile = this.demo.profileId("Contoso Billing");
		this.demo.jdbc().update("update billing_profile set invoice_email = true where id = ?", profile);
		for (String recipient : recipients) {
			this.demo.jdbc()
				.update("insert into billing_profile_recipient (billing_profile_id, email) values (?, ?)", profile, recipient);
		}
	}

	private List<String> statuses(String about) {
		return this.demo.jdbc()
			.queryForList("select status from email_message where about = ? order by id", String.class, about);
	}

	/**
	 * Until the listener's failure is recorded, so that its thread has finished: the publication is
	 * incomplete from the start, so waiting for that alone let a resubmission overtake the first
	 * delivery while it was still recording what it had sent.
	 */
	private void awaitListenerFailed() {
		await(() -> this.demo.jdbc()
			.queryForObject("select count(*) from event_publication where completion_date is null and status = 'FAILED'",
					Integer.class) == 1);
	}

	private void awaitOutboxIdle() {
		await(() -> this.demo.jdbc()
			.queryForObject("select count(*) from event_publication where completion_date is null and status <> 'FAILED'",
					Integer.class) == 0);
	}

	private static MimeMessage[] awaitMessages(int count) {
		assertThat(smtp.waitForIncomingEmail(20_000, count)).as("%d emails received", count).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(count);
		return received;
	}

	private static void await(BooleanSupplier condition) {
		long until = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			assertThat(System.currentTimeMillis()).as("waited 20 s").isLessThan(until);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private MimeMessage to(MimeMessage[] messages, String address) {
		return Arrays.stream(messages).filter((m) -> firstRecipient(m).equals(address)).findFirst().orElseThrow();
	}

	private String firstRecipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The whole message as sent, attachments decoded, holds no card number and no token. */
	private void assertNoCardData(MimeMessage message, Payment payment) throws Exception {
		String token = this.demo.jdbc()
			.queryForObject("select gateway_token from credit_card where id = ?", String.class, payment.cardId());
		StringBuilder all = new StringBuilder(text(message));
		collectAttachmentsText(message, all);
		assertThat(all.toString()).doesNotContain("4242424242424242")
			.doesNotContain("4242 4242 4242 4242")
			.doesNotContain("4000000000000002")
			.doesNotContain(token);
	}

	private static void collectAttachmentsText(Part part, StringBuilder into) throws Exception {
		if (part.getFileName() != null) {
			into.append(Pdfs.text(part.getInputStream().readAllBytes()));
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collectAttachmentsText(multipart.getBodyPart(i), into);
			}
		}
	}

	/** The plain-text and HTML parts, as the recipient reads them. */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/*") && part.getFileName() == null) {
			return (String) part.getContent();
		}
		StringBuilder text = new StringBuilder();
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				text.append(text(child)).append('\n');
			}
		}
		return text.toString();
	}

	private static byte[] attachment(Part part, String fileName) throws Exception {
		if (fileName.equals(part.getFileName())) {
			return part.getInputStream().readAllBytes();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				byte[] found = attachment(multipart.getBodyPart(i), fileName);
				if (found != null) {
					return found;
				}
			}
		}
		return (part instanceof MimeMessage) ? fail(fileName) : null;
	}

	private static byte[] fail(String fileName) {
		throw new AssertionError("no attachment " + fileName);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
