package com.billingportal.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.billingportal.support.Requirements;

/**
 * A throw-away database on the local PostgreSQL server (127.0.0.1:5432, trust auth, user
 * postgres): created with a unique name, dropped afterwards. Skips the test with the reason when
 * no server answers, or fails it under {@code -Dit.required=true}.
 */
final class PostgresDatabase implements AutoCloseable {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	static final String USER = "postgres";

	final String name;

	private PostgresDatabase(String name) {
		this.name = name;
	}

	static PostgresDatabase create() {
		String why = null;
		try (Connection c = admin()) {
			c.isValid(3);
		}
		catch (SQLException ex) {
			why = "No PostgreSQL server on 127.0.0.1:5432 with trust auth for user postgres (" + ex.getMessage() + ")";
		}
		Requirements.require(why == null, why);
		String name = "billing_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + name);
		return new PostgresDatabase(name);
	}

	String url() {
		return SERVER + this.name;
	}

	@Override
	public void close() {
		execute("drop database if exists " + this.name + " with (force)");
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
