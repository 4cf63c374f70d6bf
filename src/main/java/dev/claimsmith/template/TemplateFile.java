package dev.claimsmith.template;

import java.time.Instant;
import java.util.List;

/**
 * One template file (or stored template) as last read: its text, whether that text
 * compiles, and the version in force (the last good one, so a bad edit never takes a
 * template away).
 *
 * @param live the compiled template in force, or null if the file never compiled
 * @param storedId the id of a template stored in the database; null for a file
 */
record TemplateFile(String name, String content, List<TemplateError> errors, ClaimsTemplate live, Instant createdAt,
		Instant updatedAt, TemplateDialect dialect, String storedId) {

	TemplateFile(String name, String content, List<TemplateError> errors, ClaimsTemplate live, Instant createdAt,
			Instant updatedAt) {
		this(name, content, errors, live, createdAt, updatedAt, TemplateDialect.CLAIMSMITH, null);
	}

	boolean valid() {
		return this.errors.isEmpty();
	}

	/** The warnings of the version in force (see {@link ClaimsTemplate#warnings()}). */
	List<TemplateWarning> warnings() {
		return (this.live != null) ? this.live.warnings() : List.of();
	}

}
