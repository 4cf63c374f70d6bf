package dev.claimsmith.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code stored_template} table: plain reads and writes, no validation (that is
 * {@link ClaimsTemplates}'s, before anything is written).
 */
@Component
class StoredTemplateRows {

	private static final String COLUMNS = "id, name, dialect, content, lifetime_seconds, allowed_clock_skew_seconds,"
			+ " created_at, updated_at";

	private final JdbcClient jdbc;

	StoredTemplateRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredTemplate> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM stored_template ORDER BY name")
			.query((row, number) -> read(row))
			.list();
	}

	/**
	 * Stores a new row.
	 * @throws org.springframework.dao.DuplicateKeyException when the name is taken
	 */
	void insert(StoredTemplate template) {
		this.jdbc
			.sql("INSERT INTO stored_template (" + COLUMNS + ") VALUES (:id, :name, :dialect, :content,"
					+ " :lifetime, :skew, :createdAt, :updatedAt)")
			.param("id", template.id())
			.param("name", template.name())
			.param("dialect", template.dialect().jsonName())
			.param("content", template.content())
			.param("lifetime", seconds(template.lifetime()))
			.param("skew", seconds(template.allowedClockSkew()))
			.param("createdAt", Timestamp.from(template.createdAt()))
			.param("updatedAt", Timestamp.from(template.updatedAt()))
			.update();
	}

	/**
	 * Replaces a row's name, content and settings.
	 * @return whether the row exists
	 * @throws org.springframework.dao.DuplicateKeyException when the new name is taken
	 */
	boolean update(StoredTemplate template) {
		return this.jdbc
			.sql("UPDATE stored_template SET name = :name, content = :content,"
					+ " lifetime_seconds = :lifetime, allowed_clock_skew_seconds = :skew, updated_at = :updatedAt"
					+ " WHERE id = :id")
			.param("id", template.id())
			.param("name", template.name())
			.param("content", template.content())
			.param("lifetime", seconds(template.lifetime()))
			.param("skew", seconds(template.allowedClockSkew()))
			.param("updatedAt", Timestamp.from(template.updatedAt()))
			.update() > 0;
	}

	boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM stored_template WHERE id = :id").param("id", id).update() > 0;
	}

	private static StoredTemplate read(ResultSet row) throws SQLException {
		return new StoredTemplate(row.getString(1), row.getString(2), TemplateDialect.of(row.getString(3)),
				row.getString(4), duration(row, 5), duration(row, 6), row.getTimestamp(7).toInstant(),
				row.getTimestamp(8).toInstant());
	}

	private static Duration duration(ResultSet row, int column) throws SQLException {
		long seconds = row.getLong(column);
		return row.wasNull() ? null : Duration.ofSeconds(seconds);
	}

	private static Long seconds(Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

}
