package com.billingportal.portal;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the demo data is loaded. Its sign-ins have a published password, so it must never reach a
 * real database by accident: the {@code demo} profile applies when it is named (active, or set as
 * the default profile), and otherwise only as the default of the embedded H2 database. A portal
 * started against PostgreSQL with no profile starts empty.
 * <p>
 * The demo profile is therefore decided after the configuration files are read, and what it turns
 * on (the demo Flyway location) is set here, below every configuration file, rather than in an
 * {@code application-demo.yaml} that would have been read before this decision.
 */
public final class DemoProfile implements EnvironmentPostProcessor, Ordered {

	public static final String NAME = "demo";

	static final String LOCATIONS = "classpath:db/migration,classpath:db/demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getActiveProfiles().length == 0 && noDefaultProfileNamed(environment)
				&& embeddedDatabase(environment)) {
			environment.setDefaultProfiles(NAME);
		}
		if (environment.matchesProfiles(NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("demoProfile", Map.of("spring.flyway.locations", LOCATIONS)));
			DefaultPropertiesPropertySource.moveToEnd(environment);
		}
	}

	private static boolean noDefaultProfileNamed(ConfigurableEnvironment environment) {
		return Arrays.equals(environment.getDefaultProfiles(),
				new String[] { AbstractEnvironment.RESERVED_DEFAULT_PROFILE_NAME });
	}

	/** H2 in this JVM (in memory or in a file), or no URL at all, which Spring Boot fills with H2. */
	static boolean embeddedDatabase(ConfigurableEnvironment environment) {
		String url;
		try {
			url = environment.getProperty("spring.datasource.url");
		}
		catch (IllegalArgumentException unresolvable) {
			return false;
		}
		if (url == null || url.isBlank()) {
			return true;
		}
		String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
		return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
