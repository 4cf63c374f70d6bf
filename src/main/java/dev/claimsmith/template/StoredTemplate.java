package dev.claimsmith.template;

import java.time.Duration;
import java.time.Instant;

/**
 * A template stored in the database rather than as a file (created through an API such as
 * Clerk's {@code /v1/jwt_templates}): same names, same validation, same preview.
 *
 * @param id {@code jtmp_…}
 * @param content the template's text; for the Clerk dialect the claims object as JSON
 * @param lifetime the tokens' lifetime, or null when the dialect carries none
 * @param allowedClockSkew the tokens' clock skew, or null when the dialect carries none
 */
public record StoredTemplate(String id, String name, TemplateDialect dialect, String content, Duration lifetime,
		Duration allowedClockSkew, Instant createdAt, Instant updatedAt) {

	StoredTemplate with(String name, String content, Duration lifetime, Duration allowedClockSkew, Instant updatedAt) {
		return new StoredTemplate(this.id, name, this.dialect, content, lifetime, allowedClockSkew, this.createdAt,
				updatedAt);
	}

}
