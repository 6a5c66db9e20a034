package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's generated key: one per database, the same for nodes that start at once, random. */
class DemoFingerprintKeyTest {

	@Test
	void nodesStartingAtOnceAgreeOnOneKey() throws Exception {
		JdbcTemplate jdbc = newDatabase();
		ExecutorService nodes = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> keys = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				keys.add(nodes.submit(() -> {
					start.await();
					return DemoFingerprintKey.loadOrCreate(jdbc, Clock.systemUTC());
				}));
			}
			start.countDown();
			String first = keys.get(0).get(30, TimeUnit.SECONDS);
			for (Future<String> key : keys) {
				assertThat(key.get(30, TimeUnit.SECONDS)).isEqualTo(first);
			}
			assertThat(jdbc.queryForObject("select count(*) from card_fingerprint_key", Integer.class)).isOne();
			assertThat(DemoFingerprintKey.loadOrCreate(jdbc, Clock.systemUTC())).as("a restart keeps it")
				.isEqualTo(first);
		}
		finally {
			nodes.shutdownNow();
		}
	}

	@Test
	void eachDatabaseGetsItsOwnRandomKeyOfAtLeast32Bytes() {
		String one = DemoFingerprintKey.loadOrCreate(newDatabase(), Clock.systemUTC());
		String other = DemoFingerprintKey.loadOrCreate(newDatabase(), Clock.systemUTC());
		assertThat(one).isNotEqualTo(other);
		assertThat(one.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(CardProperties.MIN_KEY_BYTES);
		assertThat(new CardFingerprints(one.getBytes(StandardCharsets.UTF_8)).of(1, "4242424242424242"))
			.isNotEqualTo(new CardFingerprints(other.getBytes(StandardCharsets.UTF_8)).of(1, "4242424242424242"));
	}

	private static JdbcTemplate newDatabase() {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		return new JdbcTemplate(database);
	}

}
