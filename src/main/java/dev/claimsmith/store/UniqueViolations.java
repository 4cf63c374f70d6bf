package dev.claimsmith.store;

import java.util.Locale;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises which unique index a failed write hit, so a service can answer the
 * contract's error (e.g. {@code external_id_already_used}) for a race the database
 * settled. Both H2 and PostgreSQL name the index in the message.
 */
public final class UniqueViolations {

	private UniqueViolations() {
	}

	public static boolean isViolationOf(DataIntegrityViolationException ex, String indexName) {
		String needle = indexName.toLowerCase(Locale.ROOT);
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
