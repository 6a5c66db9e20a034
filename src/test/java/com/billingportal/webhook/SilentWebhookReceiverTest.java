package com.billingportal.webhook;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A webhook receiver that takes the request and does not answer: the webhook waits on the
 * listener's thread for the receiver's time-out, and meanwhile holds no connection of the pool,
 * which the pages and payments share.
 */
@PortalTest
class SilentWebhookReceiverTest {

	@DynamicPropertySource
	static void events(DynamicPropertyRegistry registry) {
		registry.add("billing.test.events", () -> "async");
		registry.add("billing.webhooks.timeout", () -> "5s");
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
				this.release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.receiver.start();
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
		this.mvc.perform(post("/api/v1/webhook-endpoints").header("Authorization", "Bearer " + WebhookTest.DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + url + "\"}")).andExpect(status().isCreated());
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

		// The listener now waits for the receiver's answer. Looked at over a second (a connection
		// another thread takes for a moment aside): none is held for it.
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		int fewest = Integer.MAX_VALUE;
		for (int i = 0; i < 20; i++) {
			fewest = Math.min(fewest, pool.getHikariPoolMXBean().getActiveConnections());
			Thread.sleep(50);
		}
		assertThat(fewest).as("connections out of the pool while the webhook waits for its receiver").isZero();
	}

}
