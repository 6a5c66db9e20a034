package com.billingportal.nodes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.billingportal.account.BillingAccountService;
import com.billingportal.invoice.InvoiceTotals;
import com.billingportal.support.DemoData;
import com.billingportal.support.PostgresDatabase;
import com.billingportal.user.UserService;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at once on one fresh PostgreSQL database with the demo data, as in production;
 * {@code fixtures} writes through node A. Closing stops both and drops the database.
 */
final class TwoNodes implements AutoCloseable {

	final PostgresDatabase database;

	PortalNode a;

	PortalNode b;

	DemoData fixtures;

	private TwoNodes(PostgresDatabase database) {
		this.database = database;
	}

	/** Both nodes with the PostgreSQL and demo profiles and these further settings. */
	static TwoNodes start(String... settings) throws Exception {
		TwoNodes nodes = new TwoNodes(PostgresDatabase.create());
		try {
			String[] args = Stream.concat(Stream.of("--spring.profiles.active=postgres,demo",
					"--spring.datasource.url=" + nodes.database.url(),
					"--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password="),
					Stream.of(settings))
				.toArray(String[]::new);
			CompletableFuture<PortalNode> a = CompletableFuture.supplyAsync(() -> PortalNode.start(args));
			CompletableFuture<PortalNode> b = CompletableFuture.supplyAsync(() -> PortalNode.start(args));
			nodes.a = a.get(180, TimeUnit.SECONDS);
			nodes.b = b.get(180, TimeUnit.SECONDS);
			nodes.fixtures = new DemoData(nodes.a.bean(JdbcTemplate.class), nodes.a.bean(UserService.class),
					nodes.a.bean(BillingAccountService.class), nodes.a.bean(InvoiceTotals.class));
			return nodes;
		}
		catch (Exception | Error ex) {
			nodes.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		if (this.a != null) {
			this.a.close();
		}
		if (this.b != null) {
			this.b.close();
		}
		this.database.close();
	}

}
