package com.billingportal.support;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** How many connections of the application's pool are out, as Hikari counts them. */
public final class PooledConnections {

	private PooledConnections() {
	}

	/**
	 * The fewest connections out of the pool at twenty looks over a second: zero unless something
	 * holds one all that time (a connection another thread takes for a moment is not counted).
	 */
	public static int fewestOutOverASecond(DataSource dataSource) throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		int fewest = Integer.MAX_VALUE;
		for (int i = 0; i < 20; i++) {
			fewest = Math.min(fewest, pool.getHikariPoolMXBean().getActiveConnections());
			Thread.sleep(50);
		}
		return fewest;
	}

}
