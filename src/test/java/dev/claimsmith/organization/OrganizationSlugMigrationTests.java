package dev.claimsmith.organization;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V11 on a database that already holds organizations: each gets a slug from its name,
 * unique among them, and the column is then required and unique.
 */
class OrganizationSlugMigrationTests {

	@Test
	void existingOrganizationsGetUniqueSlugsFromTheirNames() throws SQLException {
		String url = "jdbc:h2:mem:slug-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		flyway(url, "10").migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			insert(connection, "org_a", "Acme, Inc.", 1);
			insert(connection, "org_b", "ACME inc", 2);
			insert(connection, "org_c", "東京", 3);
			insert(connection, "org_d", "x".repeat(200), 4);
		}
		flyway(url, "11").migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			Map<String, String> slugs = new LinkedHashMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id, slug FROM organization ORDER BY id")) {
				while (rows.next()) {
					slugs.put(rows.getString(1), rows.getString(2));
				}
			}
			assertThat(slugs).containsEntry("org_a", "acme-inc")
				.containsEntry("org_b", "acme-inc-2")
				.containsEntry("org_c", "org")
				.containsEntry("org_d", "x".repeat(64));
			assertThatExceptionOfType(SQLException.class).as("the unique index")
				.isThrownBy(() -> insert(connection, "org_e", "Acme", 5, "acme-inc"));
			assertThatExceptionOfType(SQLException.class).as("required")
				.isThrownBy(() -> insert(connection, "org_f", "Acme", 6, null));
		}
	}

	private static Flyway flyway(String url, String target) {
		return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load();
	}

	private static void insert(Connection connection, String id, String name, int minute) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO organization (id, name, metadata,"
				+ " version, created_at, updated_at) VALUES (?, ?, '{}', 0, ?, ?)")) {
			fill(insert, id, name, minute);
			insert.executeUpdate();
		}
	}

	private static void insert(Connection connection, String id, String name, int minute, String slug)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO organization (id, name, metadata,"
				+ " version, created_at, updated_at, slug) VALUES (?, ?, '{}', 0, ?, ?, ?)")) {
			fill(insert, id, name, minute);
			insert.setString(5, slug);
			insert.executeUpdate();
		}
	}

	private static void fill(PreparedStatement insert, String id, String name, int minute) throws SQLException {
		Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute));
		insert.setString(1, id);
		insert.setString(2, name);
		insert.setTimestamp(3, at);
		insert.setTimestamp(4, at);
	}

}
