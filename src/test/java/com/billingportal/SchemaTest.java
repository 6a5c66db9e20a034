package com.billingportal;

import javax.sql.DataSource;

import com.billingportal.portal.GenericPlans;
import com.billingportal.portal.ListProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway migrates an empty database, and Hibernate's ddl-auto=validate accepts the entities
 * against it (the context would not start otherwise). No column may hold a card number or CVC.
 * The lists' repositories need the count bound ({@link ListProperties}) and {@link GenericPlans}, which
 * this slice neither binds nor makes by itself.
 */
@DataJpaTest
@EnableConfigurationProperties(ListProperties.class)
@Import(GenericPlans.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = { "spring.flyway.locations=classpath:db/migration",
		"spring.jpa.hibernate.ddl-auto=validate" })
class SchemaTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Test
	void migratesAnEmptyDatabaseAndValidatesTheEntities() {
		assertThat(this.flyway.info().applied()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.flyway.info().pending()).isEmpty();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("select count(*) from invoice", Integer.class)).isZero();
	}

	@Test
	void noColumnCanHoldACardNumberOrCvc() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		var columns = jdbc.queryForList(
				"select lower(column_name) from information_schema.columns where lower(table_schema) = 'public'",
				String.class);
		assertThat(columns).isNotEmpty()
			.noneMatch((c) -> c.contains("cvc") || c.contains("cvv") || c.equals("pan") || c.contains("card_number"));
	}

}
