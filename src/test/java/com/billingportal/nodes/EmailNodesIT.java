package com.billingportal.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database and one SMTP server (GreenMail): 50 payments made through
 * both nodes at once give 50 receipts, none twice. Both nodes resubmit incomplete event
 * publications and retry due emails every second, so they compete for the same events and emails
 * all along: the registry, the unique (event, recipient) key and the claimed send keep each email
 * to one delivery.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailNodesIT {

	static final int SMTP_PORT = freePort();

	static final int PAYMENTS = 50;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	TwoNodes nodes;

	PortalNode nodeA;

	PortalNode nodeB;

	DemoData fixtures;

	@BeforeAll
	void startTwoNodes() throws Exception {
		this.nodes = TwoNodes.start("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
				"--billing.notifications.announce-initial-delay=1h", "--billing.notifications.retry-interval=1s",
				"--billing.notifications.retry-initial-delay=1s", "--billing.notifications.resubmit-interval=1s",
				"--billing.notifications.resubmit-after=0s");
		this.nodeA = this.nodes.a;
		this.nodeB = this.nodes.b;
		this.fixtures = this.nodes.fixtures;
	}

	@AfterAll
	void stop() {
		if (this.nodes != null) {
			this.nodes.close();
		}
	}

	@Test
	void fiftyPaymentsThroughTwoNodesGiveFiftyReceiptsNoneTwice() throws Exception {
		List<String> invoices = new ArrayList<>();
		for (int i = 0; i < PAYMENTS; i++) {
			invoices.add(this.fixtures.newDueInvoice());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Payment>> paid = new ArrayList<>();
			for (int i = 0; i < PAYMENTS; i++) {
				PaymentService service = ((i % 2 == 0) ? this.nodeA : this.nodeB).bean(PaymentService.class);
				String invoice = invoices.get(i);
				paid.add(pool.submit(() -> service.pay(this.fixtures.adminAccess(), this.fixtures.admin(), invoice,
						UUID.randomUUID().toString(), this.fixtures.visa(), null)));
			}
			for (Future<Payment> payment : paid) {
				assertThat(payment.get(120, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.SUCCEEDED);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(smtp.waitForIncomingEmail(120_000, PAYMENTS)).as("50 receipts within 2 minutes").isTrue();
		// Both nodes keep resubmitting and retrying for a while: nothing may arrive twice meanwhile.
		Thread.sleep(5_000);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(PAYMENTS);
		assertThat(Arrays.stream(received).map(EmailNodesIT::messageId).distinct()).hasSize(PAYMENTS);
		assertThat(Arrays.stream(received).map(EmailNodesIT::subject))
			.containsExactlyInAnyOrderElementsOf(invoices.stream().map((n) -> "Payment receipt: invoice " + n + " is paid").toList());
		JdbcTemplate jdbc = this.nodeA.bean(JdbcTemplate.class);
		assertThat(jdbc.queryForList("select status from email_message where kind = 'PAYMENT_RECEIPT'", String.class))
			.hasSize(PAYMENTS)
			.containsOnly("SENT");
		assertThat(jdbc.queryForObject("select count(*) from email_message where kind = 'PAYMENT_RECEIPT' and attempts <> 1",
				Integer.class)).as("each sent in one attempt").isZero();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
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
