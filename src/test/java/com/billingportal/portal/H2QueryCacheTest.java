package com.billingportal.portal;

import javax.sql.DataSource;

import com.billingportal.support.PortalTest;
import com.billingportal.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 keeps {@value H2QueryCacheConfiguration#H2_QUERY_CACHE_SIZE} parsed statements
 * per connection, not its default 8, whatever H2 address the portal is given; other databases'
 * addresses are left as they are.
 */
@PortalTest
class H2QueryCacheTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRunningDatabaseKeepsItsParsedStatements() {
		String url = unwrapped().getJdbcUrl();
		if (TestDatabase.postgres()) {
			assertThat(url).startsWith("jdbc:postgresql:").doesNotContain("QUERY_CACHE_SIZE");
			return;
		}
		assertThat(this.jdbc.queryForObject(
				"select setting_value from information_schema.settings where setting_name = 'QUERY_CACHE_SIZE'",
				String.class))
			.isEqualTo(String.valueOf(H2QueryCacheConfiguration.H2_QUERY_CACHE_SIZE));
	}

	@Test
	void anH2AddressGetsTheCacheUnlessItNamesItsOwn() {
		assertThat(H2QueryCacheConfiguration.withQueryCache("jdbc:h2:file:./data/billing-portal;AUTO_SERVER=FALSE"))
			.isEqualTo("jdbc:h2:file:./data/billing-portal;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256");
		assertThat(H2QueryCacheConfiguration.withQueryCache("jdbc:h2:mem:x;query_cache_size=16"))
			.isEqualTo("jdbc:h2:mem:x;query_cache_size=16");
		assertThat(H2QueryCacheConfiguration.withQueryCache("jdbc:postgresql://127.0.0.1/billing"))
			.isEqualTo("jdbc:postgresql://127.0.0.1/billing");
		assertThat(H2QueryCacheConfiguration.withQueryCache(null)).isNull();
	}

	/** The pool behind the tests' statement-counting wrapper ({@code support.SqlStatements}). */
	private HikariDataSource unwrapped() {
		try {
			return this.dataSource.unwrap(HikariDataSource.class);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
