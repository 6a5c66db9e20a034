package com.billingportal.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares or creates through the application's
 * {@link DataSource}: Hibernate's (the same count as its statistics' prepare-statement count) and
 * the plain JDBC reads some pages make ({@code JdbcTemplate}), which Hibernate's statistics do not
 * see. Spring Session's own statements on its table ({@code SPRING_SESSION}, a browser's session
 * row) are left out, as they are the same for every page. Per thread, so that what other threads do
 * meanwhile (the scheduled passes) is not counted: this relies on a MockMvc request running on the
 * test's thread and on the tests' event listeners running on the publishing thread
 * ({@link PortalTestConfiguration}); work a request hands to another thread (the payment gateway's
 * calls, events in a test with {@code billing.test.events=async}) is not counted.
 * <p>
 * The test context's data source is wrapped by this bean post-processor; {@link #reset()} before a
 * request and {@link #count()} after it. {@link #connections()} counts the connections taken from
 * the pool the same way, per thread: how many transactions (and plain statements outside any) a
 * piece of work ran in.
 */
public final class SqlStatements implements BeanPostProcessor {

	/**
	 * On PostgreSQL the invoices list's read, and the Payments list's without a status chosen, first
	 * tell the database to use their generic plans ({@link com.billingportal.portal.GenericPlans}): one
	 * statement more there, on the lists and on the blades shown over the invoices; none on H2.
	 */
	public static final int GENERIC_PLANS_SET = TestDatabase.postgres() ? 1 : 0;

	private static final ThreadLocal<long[]> COUNTED = ThreadLocal.withInitial(() -> new long[1]);

	private static final ThreadLocal<List<String>> PREPARED = ThreadLocal.withInitial(ArrayList::new);

	private static final ThreadLocal<long[]> CONNECTIONS = ThreadLocal.withInitial(() -> new long[1]);

	/** Starts the current thread's count again at zero. */
	public void reset() {
		COUNTED.get()[0] = 0;
		PREPARED.get().clear();
		CONNECTIONS.get()[0] = 0;
	}

	/**
	 * The connections the current thread took from the pool since {@link #reset()}: one per
	 * transaction, and one per plain statement run outside any.
	 */
	public long connections() {
		return CONNECTIONS.get()[0];
	}

	/** The text of the statements the current thread prepared since {@link #reset()}, counted ones only. */
	public List<String> prepared() {
		return List.copyOf(PREPARED.get());
	}

	/** The statements the current thread prepared or created since {@link #reset()}. */
	public long count() {
		return COUNTED.get()[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			CONNECTIONS.get()[0]++;
			InvocationHandler handler = (proxy, method, args) -> {
				count(method, args);
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			};
			return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		private static void count(Method method, Object[] args) {
			String name = method.getName();
			if (name.equals("createStatement")) {
				COUNTED.get()[0]++;
			}
			else if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
					&& args[0] instanceof String sql && !sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION")) {
				COUNTED.get()[0]++;
				PREPARED.get().add(sql);
			}
		}

	}

}
