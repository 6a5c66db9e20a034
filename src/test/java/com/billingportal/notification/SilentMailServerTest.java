package com.billingportal.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.billingportal.payment.Payment;
import com.billingportal.payment.PaymentService;
import com.billingportal.payment.PaymentStatus;
import com.billingportal.support.DemoData;
import com.billingportal.support.PooledConnections;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that takes the connection and never answers: the receipt waits on its listener's
 * thread for the mail time-out, and meanwhile holds no connection of the pool, which the pages and
 * payments share (docs/notifications.md, delivery when the server does not answer).
 */
@PortalTest
class SilentMailServerTest {

	/** Long enough that the listener is still waiting when the pool has been looked at. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final ServerSocket SILENT = listen();

	static final List<Socket> TAKEN = new CopyOnWriteArrayList<>();

	static final CountDownLatch CONNECTED = new CountDownLatch(1);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SILENT::getLocalPort);
		registry.add("spring.mail.properties[mail.smtp.timeout]", () -> String.valueOf(TIMEOUT.toMillis()));
		registry.add("billing.test.events", () -> "async");
	}

	@Autowired
	DemoData demo;

	@Autowired
	PaymentService payments;

	@Autowired
	DataSource dataSource;

	@AfterAll
	static void close() throws IOException {
		SILENT.close();
		for (Socket socket : TAKEN) {
			socket.close();
		}
	}

	@Test
	void aReceiptWaitingForTheMailServerHoldsNoConnection() throws Exception {
		Payment payment = this.payments.pay(this.demo.adminAccess(), this.demo.admin(), this.demo.newDueInvoice(),
				UUID.randomUUID().toString(), this.demo.visa(), null);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(CONNECTED.await(20, TimeUnit.SECONDS)).as("the receipt reached the mail server").isTrue();
		Instant connected = Instant.now();

		// The receipt's listener now waits for the server's greeting, which does not come.
		assertThat(PooledConnections.fewestOutOverASecond(this.dataSource))
			.as("connections out of the pool while the receipt waits for the mail server")
			.isZero();
		assertThat(Duration.between(connected, Instant.now())).as("looked at while the receipt still waited")
			.isLessThan(TIMEOUT);
	}

	private static ServerSocket listen() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accepting = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						TAKEN.add(server.accept());
						CONNECTED.countDown();
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-mail-server");
			accepting.setDaemon(true);
			accepting.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
