package db.migration;

import java.util.List;
import java.util.Map;

import com.billingportal.user.EmailAddress;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Stores every user's email in the form {@link EmailAddress} gives it from now on, which sign-in
 * looks up: until then an address was only trimmed and lower-cased, so a domain typed in Unicode
 * was stored in Unicode and would no longer match its ASCII (punycode) form. An address that is
 * refused now (hidden or look-alike characters) is left as it was and signs in no more; one whose
 * new form another user already has is left too. Both are rare enough to be an operator's call.
 */
public class V7_1__Normalise_user_emails extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		List<Map<String, Object>> users = jdbc.queryForList("select id, email from app_user order by id");
		for (Map<String, Object> user : users) {
			String email = (String) user.get("email");
			String normalised = EmailAddress.parse(email).valueOrNull();
			if (normalised != null && !normalised.equals(email)
					&& jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class,
							normalised) == 0) {
				jdbc.update("update app_user set email = ? where id = ?", normalised, user.get("id"));
			}
		}
	}

}
