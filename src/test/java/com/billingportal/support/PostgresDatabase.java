package com.billingportal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A throw-away database on the local PostgreSQL server (127.0.0.1:5432, trust auth, user
 * postgres): created with a unique name, dropped when closed, and at the latest when the JVM exits
 * (a test run that dies halfway leaves nothing behind).
 */
public final class PostgresDatabase implements AutoCloseable {

	public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	public static final String USER = "postgres";

	private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(PostgresDatabase::drop),
				"drop-test-databases"));
	}

	private final String name;

	private PostgresDatabase(String name) {
		this.name = name;
	}

	/**
	 * For a test that needs PostgreSQL besides the database of the run: skipped with the reason
	 * when no server answers, failed instead under {@code -Dit.required=true}.
	 */
	public static PostgresDatabase create() {
		String why = unreachable();
		Requirements.require(why == null, why);
		return createNow();
	}

	/** For a run that asked for PostgreSQL: no server is an error, never a reason to skip. */
	public static PostgresDatabase createOrFail() {
		String why = unreachable();
		if (why != null) {
			throw new IllegalStateException(why + "; the tests were asked to run on PostgreSQL (-Dtest.db=postgres)");
		}
		return createNow();
	}

	private static PostgresDatabase createNow() {
		String name = "billing_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + name);
		OPEN.add(name);
		return new PostgresDatabase(name);
	}

	private static String unreachable() {
		try (Connection c = admin()) {
			c.isValid(3);
			return null;
		}
		catch (SQLException ex) {
			return "No PostgreSQL server on 127.0.0.1:5432 with trust auth for user postgres (" + ex.getMessage() + ")";
		}
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return SERVER + this.name;
	}

	@Override
	public void close() {
		drop(this.name);
	}

	private static void drop(String name) {
		if (OPEN.remove(name)) {
			execute("drop database if exists " + name + " with (force)");
		}
	}

	private static Connection admin() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(SERVER + "postgres", USER, "");
	}

	private static void execute(String sql) {
		try (Connection c = admin(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
