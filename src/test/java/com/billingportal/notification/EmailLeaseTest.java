package com.billingportal.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.billingportal.support.DemoData;
import com.billingportal.support.MutableClock;
import com.billingportal.support.PortalTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes and one email whose sending outlives its lease: node A claims it and its mail server
 * takes longer than the lease; node B claims it again and sends it; then A's attempt fails. B's
 * outcome stands: the email stays Sent, and no one sends it a third time.
 */
@PortalTest
class EmailLeaseTest {

	@Autowired
	DemoData demo;

	@Autowired
	EmailMessageRepository emails;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAttemptThatOutlivedItsLeaseDoesNotOverwriteTheNextOne() {
		long id = pendingEmail();
		NotificationProperties properties = new NotificationProperties("Billing Portal <no-reply@test>",
				"https://billing.example.test", Duration.ofMinutes(1), Duration.ofHours(1), 10, Duration.ofMinutes(5));
		List<String> sentBy = new ArrayList<>();
		EmailDelivery nodeB = node(properties, new FakeSender(() -> sentBy.add("B")));
		EmailDelivery nodeA = node(properties, new FakeSender(() -> {
			// A's mail server is slow: the lease runs out, node B tries the email and sends it...
			this.clock.advance(Duration.ofMinutes(6));
			assertThat(nodeB.send(List.of(id))).isEqualTo(1);
			// ...then A's server gives up.
			throw new MailSendException("Connection timed out");
		}));

		nodeA.send(List.of(id));

		EmailMessage email = this.emails.findById(id).orElseThrow();
		assertThat(sentBy).containsExactly("B");
		assertThat(email.status()).isEqualTo(EmailStatus.SENT);
		this.clock.advance(Duration.ofHours(2));
		assertThat(nodeB.retryDue()).as("nothing is due again").isZero();
	}

	private EmailDelivery node(NotificationProperties properties, JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mailSender", sender);
		ObjectProvider<JavaMailSender> provider = beans.getBeanProvider(JavaMailSender.class);
		return new EmailDelivery(this.emails, provider, properties, this.transactions, this.clock);
	}

	private long pendingEmail() {
		String mime = "Message-ID: <lease@billing-portal>\r\nSubject: Lease\r\nTo: admin@contoso.com\r\n"
				+ "Content-Type: text/plain; charset=us-ascii\r\n\r\nAn email.\r\n";
		String event = UUID.randomUUID().toString();
		this.demo.jdbc()
			.update("insert into email_message (billing_account_id, event_id, kind, about, recipient, language,"
					+ " subject, message_id, mime, status, attempts, next_attempt_at, created_at) values (?, ?,"
					+ " 'PAYMENT_RECEIPT', 'lease', 'admin@contoso.com', 'en', 'Lease', '<lease@billing-portal>', ?,"
					+ " 'PENDING', 0, ?, current_timestamp)", this.demo.contoso(), event, mime,
					java.sql.Timestamp.from(this.clock.instant().minusSeconds(1)));
		return this.demo.jdbc().queryForObject("select id from email_message where event_id = ?", Long.class, event);
	}

	/** A mail sender that runs the given action instead of talking to a server. */
	static final class FakeSender extends JavaMailSenderImpl {

		private final Runnable action;

		FakeSender(Runnable action) {
			this.action = action;
		}

		@Override
		public void send(MimeMessage mimeMessage) {
			this.action.run();
		}

	}

}
