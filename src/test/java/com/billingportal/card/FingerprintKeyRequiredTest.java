package com.billingportal.card;

import java.time.Clock;
import java.util.UUID;

import com.billingportal.BillingPortalApplication;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the demo profile the portal does not start without a fingerprint key of at least 32
 * bytes, and says why.
 */
class FingerprintKeyRequiredTest {

	private static final String KEY_32_BYTES = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(CardsConfiguration.class);

	@Test
	void noKeyIsRefusedWithTheReason() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("billing.cards.fingerprint-key is not set"));
		this.runner.withPropertyValues("billing.cards.fingerprint-key=   ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("billing.cards.fingerprint-key is not set"));
	}

	@Test
	void aKeyShorterThan32BytesIsRefused() {
		this.runner.withPropertyValues("billing.cards.fingerprint-key=" + KEY_32_BYTES.substring(1))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("billing.cards.fingerprint-key is shorter than 32 bytes"));
	}

	@Test
	void aKeyOf32BytesStartsAndFingerprintsUnderIt() {
		this.runner.withPropertyValues("billing.cards.fingerprint-key=" + KEY_32_BYTES).run((context) -> {
			assertThat(context).hasNotFailed();
			CardFingerprints fingerprints = context.getBean(CardFingerprints.class);
			assertThat(fingerprints.of(1, "4242424242424242"))
				.isEqualTo(new CardFingerprints(KEY_32_BYTES.getBytes()).of(1, "4242424242424242"));
			assertThat(context.getBean(CardProperties.class).toString()).doesNotContain(KEY_32_BYTES);
		});
	}

	@Test
	void theDemoProfileStartsWithoutAKeyAndKeepsAGeneratedOne() {
		this.runner.withPropertyValues("spring.profiles.active=demo").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			String kept = jdbc.queryForObject("select secret from card_fingerprint_key", String.class);
			assertThat(context.getBean(CardFingerprints.class).of(1, "4242424242424242"))
				.isEqualTo(new CardFingerprints(kept.getBytes()).of(1, "4242424242424242"));
		});
	}

	/** The whole portal, started as in production without the demo profile: it stops with the reason. */
	@Test
	void thePortalWithoutTheDemoProfileDoesNotStartWithoutAKey() {
		assertThatThrownBy(() -> {
			try (ConfigurableApplicationContext context = SpringApplication.run(BillingPortalApplication.class,
					"--spring.profiles.active=production", "--server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:no-key-" + System.nanoTime())) {
				assertThat(context).isNull();
			}
		}).rootCause().hasMessageContaining("billing.cards.fingerprint-key is not set");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CardProperties.class)
	@Import(CardFingerprintsConfiguration.class)
	static class CardsConfiguration {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		/** A database of the portal's schema, where the demo's generated key is kept. */
		@Bean
		JdbcTemplate jdbcTemplate() {
			DriverManagerDataSource database = new DriverManagerDataSource(
					"jdbc:h2:mem:cards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
			Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
			return new JdbcTemplate(database);
		}

	}

}
