package com.billingportal.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database with sessions stored by an earlier version, whose security context holds
 * the user's password hash: the upgrade ends them (everyone signs in once more), since Spring
 * Session would otherwise keep the stored bytes for as long as the session is used.
 */
class SessionUpgradeTest {

	@Test
	void sessionsOfAnEarlierVersionAreEnded() {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("7.1").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database);
		String id = UUID.randomUUID().toString();
		jdbc.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
				+ "max_inactive_interval, expiry_time, principal_name) values (?, ?, 0, 0, 1800, 9999999999999, ?)", id,
				UUID.randomUUID().toString(), "admin@contoso.com");
		jdbc.update("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) "
				+ "values (?, 'SPRING_SECURITY_CONTEXT', ?)", id,
				"...$2a$10$abcdefghijklmnopqrstuv...".getBytes(StandardCharsets.US_ASCII));

		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from spring_session_attributes", Integer.class)).isZero();
	}

}
