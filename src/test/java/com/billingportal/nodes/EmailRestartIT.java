package com.billingportal.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.payment.PaymentService;
import com.billingportal.support.DemoData;
import com.billingportal.user.UserService;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node stops after a payment committed and before its receipt was written (the event is in the
 * registry, incomplete): the next node to start delivers it, once, with the Message-ID the first
 * delivery would have had. On the embedded H2 database in a file, as the default runs.
 */
class EmailRestartIT {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Test
	void anEventLeftIncompleteIsDeliveredWhenTheNextNodeStartsOnce() throws Exception {
		Path folder = Files.createTempDirectory("email-restart");
		String[] args = { "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("portal") + ";AUTO_SERVER=FALSE",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
				"--billing.notifications.announce-initial-delay=1h", "--billing.notifications.retry-initial-delay=1h",
				"--billing.notifications.resubmit-interval=1h" };
		String invoice;
		String eventId;
		String firstMessageId;
		try (PortalNode first = PortalNode.start(args)) {
			DemoData demo = new DemoData(first.bean(JdbcTemplate.class), first.bean(UserService.class),
					first.bean(BillingAccountService.class), first.bean(InvoiceTotals.class));
			invoice = demo.newDueInvoice();
			first.bean(PaymentService.class)
				.pay(demo.adminAccess(), demo.admin(), invoice, UUID.randomUUID().toString(), demo.visa(), null);
			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			firstMessageId = smtp.getReceivedMessages()[0].getMessageID();
			JdbcTemplate jdbc = demo.jdbc();
			await(() -> jdbc.queryForObject("select count(*) from email_message where about = ? and status = 'SENT'",
					Integer.class, invoice) == 1
					&& jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
							Integer.class) == 0);
			eventId = jdbc.queryForObject("select event_id from email_message where about = ?", String.class, invoice);
			// As if the node had stopped right after the payment's commit: the event incomplete, no email.
			// (The event has other listeners too, webhooks: only the emails' publication is undone.)
			assertThat(jdbc.update("update event_publication set completion_date = null, status = 'PUBLISHED'"
					+ " where serialized_event like ? and listener_id like ?", "%" + eventId + "%",
					"%notification.Notifications%")).isOne();
			jdbc.update("delete from email_message where event_id = ?", eventId);
		}
		smtp.purgeEmailFromAllMailboxes();

		try (PortalNode next = PortalNode.start(args)) {
			assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the receipt, delivered on start-up").isTrue();
			MimeMessage receipt = smtp.getReceivedMessages()[0];
			assertThat(receipt.getSubject()).isEqualTo("Payment receipt: invoice " + invoice + " is paid");
			assertThat(receipt.getMessageID()).isEqualTo(firstMessageId);
			JdbcTemplate jdbc = next.bean(JdbcTemplate.class);
			Thread.sleep(2_000);
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(jdbc.queryForList("select status from email_message where event_id = ?", String.class, eventId))
				.containsExactly("SENT");
			assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
					Integer.class)).isZero();
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long until = System.currentTimeMillis() + 20_000;
		while (!condition.getAsBoolean()) {
			assertThat(System.currentTimeMillis()).as("waited 20 s").isLessThan(until);
			Thread.sleep(50);
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
