package dev.claimsmith.template;

import java.util.List;
import java.util.Map;

/**
 * A context with every readable field set to a harmless value and no metadata: what a
 * template is rendered against once before it is accepted.
 */
final class SampleContext {

	private static final Map<String, Object> CONTEXT = Map.of("user", Map.of("id", "user_sample", "email",
			"sample@example.com", "email_verified", true, "first_name", "Sample", "last_name", "User",
			"profile_picture_url", "https://example.com/sample.png", "external_id", "sample", "metadata", Map.of()),
			"organization",
			Map.of("id", "org_sample", "name", "Sample", "slug", "sample", "external_id", "sample", "metadata",
					Map.of(), "domains", List.of(Map.of("domain", "example.com"))),
			"organization_membership", Map.of("id", "om_sample", "role", "member", "roles", List.of("member"),
					"permissions", List.of("sample:read"), "status", "active"));

	private SampleContext() {
	}

	static Map<String, Object> of() {
		return CONTEXT;
	}

}
