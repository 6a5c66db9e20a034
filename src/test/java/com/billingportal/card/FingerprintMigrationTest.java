package com.billingportal.card;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database whose fingerprints were made under the key once written in the source: the
 * migration erases them, since anyone could search them back to card numbers.
 */
class FingerprintMigrationTest {

	@Test
	void fingerprintsOfAnEarlierVersionAreErased() throws Exception {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration", "classpath:db/demo")
			.target("2")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database);
		// What the earlier version stored: HMAC-SHA256 of 4242424242424242 under the source's key.
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("billing-portal-sandbox-fingerprint".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		jdbc.update("update credit_card set fingerprint = ? where last_four = '4242'",
				HexFormat.of().formatHex(mac.doFinal("4242424242424242".getBytes(StandardCharsets.US_ASCII))));

		Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/demo").load().migrate();

		assertThat(jdbc.queryForObject("select count(*) from credit_card", Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from credit_card where fingerprint is not null", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from card_fingerprint_key", Integer.class)).isZero();
	}

}
