package db.migration;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies the payment histories written before V6 (audit events of object type Payment whose detail
 * reads {@code FROM -> TO; REASON[; detail]}) into payment_state_change, oldest first. Events of
 * another shape are audit events only and are left where they are. Runs once, on H2 and PostgreSQL
 * alike: plain JDBC, the parsing in Java.
 */
public class V6_1__Payment_history_from_audit_events extends BaseJavaMigration {

	private static final Pattern DETAIL = Pattern.compile("([A-Z_]+) -> ([A-Z_]+); ([A-Z_]+)(?:; (.*))?",
			Pattern.DOTALL);

	@Override
	public void migrate(Context context) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		List<Object[]> changes = jdbc.query("""
				select e.object_id, e.occurred_at, e.actor_user_id, e.actor_email, e.detail
				from audit_event e join payment p on p.payment_ref = e.object_id
				where e.object_type = 'Payment' and e.detail is not null
				order by e.id""", (row, i) -> {
			Matcher m = DETAIL.matcher(row.getString("detail"));
			return m.matches() ? new Object[] { row.getString("object_id"), row.getTimestamp("occurred_at"),
					row.getObject("actor_user_id"), row.getString("actor_email"), m.group(1), m.group(2), m.group(3),
					m.group(4) } : null;
		});
		changes.removeIf(Objects::isNull);
		jdbc.batchUpdate("""
				insert into payment_state_change (payment_ref, occurred_at, actor_user_id, actor_email, from_status,
				    to_status, reason, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", changes);
	}

}
