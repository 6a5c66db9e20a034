package com.billingportal.portal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the demo data (sign-ins with a published password) is loaded: on the embedded H2 default,
 * or where the demo profile is named; never merely because no profile was given.
 */
class DemoProfileTest {

	private static final String H2_FILE = "jdbc:h2:file:./data/billing-portal;AUTO_SERVER=FALSE";

	private static final String POSTGRES = "jdbc:postgresql://db.example.com:5432/billing";

	@Test
	void theEmbeddedDefaultLoadsTheDemoData() {
		StandardEnvironment environment = environment(H2_FILE);

		assertThat(demoData(environment)).isTrue();
		assertThat(environment.getDefaultProfiles()).containsExactly("demo");
	}

	@Test
	void noDatabaseConfiguredIsTheEmbeddedDefaultToo() {
		assertThat(demoData(environment(null))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { POSTGRES, "jdbc:h2:tcp://db.example.com/billing", "jdbc:mysql://db/billing" })
	void aDatabaseServerWithoutAProfileStartsEmpty(String url) {
		StandardEnvironment environment = environment(url);

		assertThat(demoData(environment)).isFalse();
		assertThat(environment.matchesProfiles("demo")).isFalse();
	}

	@Test
	void postgresAloneStartsEmpty() {
		StandardEnvironment environment = environment(POSTGRES);
		environment.setActiveProfiles("postgres");

		assertThat(demoData(environment)).isFalse();
	}

	@Test
	void anotherProfileNamedOnH2LeavesTheDemoOut() {
		StandardEnvironment environment = environment(H2_FILE);
		environment.setActiveProfiles("postgres");

		assertThat(demoData(environment)).isFalse();
	}

	@Test
	void demoNamedLoadsItOnAnyDatabase() {
		StandardEnvironment active = environment(POSTGRES);
		active.setActiveProfiles("postgres", "demo");
		StandardEnvironment asDefault = environment(POSTGRES);
		asDefault.setDefaultProfiles("demo");

		assertThat(demoData(active)).isTrue();
		assertThat(demoData(asDefault)).isTrue();
	}

	@Test
	void flywayLocationsSetByTheOperatorWin() {
		StandardEnvironment environment = environment(H2_FILE);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("operator", Map.of("spring.flyway.locations", "classpath:db/migration")));

		assertThat(demoData(environment)).isFalse();
	}

	private static StandardEnvironment environment(String url) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> config = new HashMap<>();
		if (url != null) {
			config.put("spring.datasource.url", url);
		}
		environment.getPropertySources().addLast(new MapPropertySource("application.yaml", config));
		return environment;
	}

	private static boolean demoData(StandardEnvironment environment) {
		new DemoProfile().postProcessEnvironment(environment, new SpringApplication());
		String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
		return locations.contains("classpath:db/demo");
	}

}
