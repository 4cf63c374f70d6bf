package dev.claimsmith.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises which unique index a failed write hit, so a service can answer the
 * contract's error (e.g. {@code external_id_already_used}) for a race the database
 * settled. Reads the index name from where each database reports it, never from the rest
 * of the message: the message also quotes the offending values, and a value may contain
 * another index's name. PostgreSQL reports the constraint in a field of its error
 * (whatever the server's message language); H2 names {@code "SCHEMA.INDEX ON …"} first in
 * its message.
 */
public final class UniqueViolations {

	/** SQLSTATE {@code unique_violation}, the same on H2 and PostgreSQL. */
	private static final String UNIQUE_VIOLATION = "23505";

	private static final Pattern H2_INDEX = Pattern.compile("\"(?:\\w+\\.)?(\\w+) ON ");

	private UniqueViolations() {
	}

	public static boolean isViolationOf(DataIntegrityViolationException ex, String indexName) {
		return violatedIndex(ex).filter(indexName::equalsIgnoreCase).isPresent();
	}

	/** The unique index (or constraint) that the write violated, when the cause says. */
	public static Optional<String> violatedIndex(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return (sql instanceof PSQLException psql) ? postgresConstraint(psql) : h2Index(sql);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> postgresConstraint(PSQLException ex) {
		ServerErrorMessage message = ex.getServerErrorMessage();
		return Optional.ofNullable((message != null) ? message.getConstraint() : null);
	}

	private static Optional<String> h2Index(SQLException ex) {
		Matcher matcher = H2_INDEX.matcher(String.valueOf(ex.getMessage()));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
