package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.claimsmith.organization.OrganizationSlugs;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Organizations gain a unique {@code slug} (Clerk needs one, API.md "Clerk Backend API
 * compatibility"). Existing rows get one made from their name, unique among them, the
 * same way new organizations do ({@link OrganizationSlugs}); then the column becomes
 * required and unique. Java rather than SQL because H2 and PostgreSQL share no portable
 * way to turn a name into a slug; every statement here is portable SQL.
 */
public class V11__organization_slug extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE organization ADD COLUMN slug VARCHAR(64)");
		}
		Map<String, String> names = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, name FROM organization ORDER BY created_at, id")) {
			while (rows.next()) {
				names.put(rows.getString(1), rows.getString(2));
			}
		}
		Set<String> taken = new HashSet<>();
		try (PreparedStatement update = connection.prepareStatement("UPDATE organization SET slug = ? WHERE id = ?")) {
			for (Map.Entry<String, String> row : names.entrySet()) {
				String base = OrganizationSlugs.fromName(row.getValue());
				String slug = base;
				for (int n = 2; taken.contains(slug); n++) {
					slug = OrganizationSlugs.withSuffix(base, Integer.toString(n));
				}
				taken.add(slug);
				update.setString(1, slug);
				update.setString(2, row.getKey());
				update.addBatch();
			}
			update.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE organization ALTER COLUMN slug SET NOT NULL");
			statement.execute("CREATE UNIQUE INDEX organization_slug_key ON organization (slug)");
		}
	}

}
