package com.billingportal.api;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The operator's commands for API keys, as switches of the application (docs/api.md):
 * <pre>
 * java -jar billing-portal.jar --api-key.create=erp      prints a new key of client "erp", once
 * java -jar billing-portal.jar --api-key.revoke=bp_AbCdEfGh (a key's prefix or id)
 * </pre>
 * The portal goes on starting afterwards (add {@code --spring.main.web-application-type=none} and it
 * stops after the command). The key is written to the standard output only, never to the log.
 */
@Component
class ApiKeyCommands implements ApplicationRunner {

	private final ApiKeys keys;

	private final PrintStream out;

	@org.springframework.beans.factory.annotation.Autowired
	ApiKeyCommands(ApiKeys keys) {
		this(keys, System.out);
	}

	ApiKeyCommands(ApiKeys keys, PrintStream out) {
		this.keys = keys;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String name : values(args, "api-key.create")) {
			ApiKeys.NewKey key = this.keys.create(name);
			this.out.println("API key " + key.id() + " of client " + key.name() + " (prefix " + key.prefix()
					+ "), shown once, keep it secret:");
			this.out.println(key.secret());
		}
		for (String key : values(args, "api-key.revoke")) {
			List<String> revoked = this.keys.revoke(key);
			this.out.println(revoked.isEmpty() ? "No API key " + key : "Revoked API key(s): " + revoked);
		}
	}

	private static List<String> values(ApplicationArguments args, String option) {
		List<String> values = args.getOptionValues(option);
		return (values != null) ? values : List.of();
	}

}
