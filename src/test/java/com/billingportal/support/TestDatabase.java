package com.billingportal.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.billingportal.portal.DemoProfile;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The database every Spring test context of the run uses, chosen by the system property
 * {@value #PROPERTY}: {@code h2} (the default: each context its own in-memory H2, see the test
 * application.yaml) or {@code postgres}: each context gets a fresh database of its own on the
 * local PostgreSQL server, migrated by Flyway as on H2 (the demo data included where the demo
 * profile applies), and dropped when the context closes. The context then runs with the
 * {@code postgres} profile, connected here as application-postgres.yaml would connect it.
 * <p>
 * Asked for PostgreSQL, a run without a server fails: it never falls back to H2.
 */
public final class TestDatabase implements ContextCustomizerFactory {

	public static final String PROPERTY = "test.db";

	/** Whether this run was asked for PostgreSQL. */
	public static boolean postgres() {
		String db = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
		return switch (db) {
			case "", "h2" -> false;
			case "postgres", "postgresql" -> true;
			default -> throw new IllegalStateException(PROPERTY + "=" + db + ": use h2 or postgres");
		};
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return postgres() ? new FreshPostgresDatabase() : null;
	}

	/** Equal to every other one, so that contexts are cached exactly as on H2. */
	private static final class FreshPostgresDatabase implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			ConfigurableEnvironment environment = context.getEnvironment();
			boolean demo = environment.matchesProfiles(DemoProfile.NAME);
			PostgresDatabase database = PostgresDatabase.createOrFail();
			// Dropped after every other bean (the connection pool) is closed: the first registered is
			// the last destroyed.
			((GenericApplicationContext) context).getDefaultListableBeanFactory()
				.registerDisposableBean("testDatabase", database::close);
			environment.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase",
						Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
								PostgresDatabase.USER, "spring.datasource.password", "",
								// Cached contexts stay open for the whole run: keep what they hold small.
								"spring.datasource.hikari.minimum-idle", "1", "spring.datasource.hikari.idle-timeout",
								"10000")));
			environment.addActiveProfile("postgres");
			if (demo) {
				environment.addActiveProfile(DemoProfile.NAME);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FreshPostgresDatabase;
		}

		@Override
		public int hashCode() {
			return FreshPostgresDatabase.class.hashCode();
		}

	}

}
