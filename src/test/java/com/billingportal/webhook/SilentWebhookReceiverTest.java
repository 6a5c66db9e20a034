package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PooledConnections;
import com.billingportal.support.PortalTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A webhook receiver that takes the request and does not answer: the webhook waits on the
 * listener's thread for the receiver's time-out, and meanwhile holds no connection of the pool,
 * which the pages and payments share.
 */
@PortalTest
class SilentWebhookReceiverTest {

	/** Long enough that the listener is still waiting when the pool has been looked at. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void events(DynamicPropertyRegistry registry) {
		registry.add("billing.test.events", () -> "async");
		registry.add("billing.webhooks.timeout", () -> TIMEOUT.toSeconds() + "s");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	DataSource dataSource;

	HttpServer receiver;

	final CountDownLatch received = new CountDownLatch(1);

	final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void startSilentReceiver() throws Exception {
		this.demo.jdbc().update("delete from webhook_delivery");
		this.demo.jdbc().update("delete from webhook_endpoint");
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			this.received.countDown();
			try {
				this.release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.receiver.start();
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		WebhookTest.registerEndpoint(this.mvc, url);
	}

	@AfterEach
	void stopReceiver() {
		this.release.countDown();
		this.receiver.stop(0);
	}

	@Test
	void aWebhookWaitingForItsReceiverHoldsNoConnection() throws Exception {
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(this.received.await(20, TimeUnit.SECONDS)).as("the webhook reached its receiver").isTrue();
		Instant received = Instant.now();

		// The listener now waits for the receiver's answer.
		assertThat(PooledConnections.fewestOutOverASecond(this.dataSource))
			.as("connections out of the pool while the webhook waits for its receiver")
			.isZero();
		assertThat(Duration.between(received, Instant.now())).as("looked at while the webhook still waited")
			.isLessThan(TIMEOUT);
	}

}
