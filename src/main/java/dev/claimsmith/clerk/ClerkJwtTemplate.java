package dev.claimsmith.clerk;

import dev.claimsmith.template.StoredTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clerk's JWTTemplate object, as {@code JwtTemplate.fromJSON} of {@code @clerk/backend}
 * reads it. Claimsmith signs with its own keys, so there is never a custom signing key
 * and the algorithm is that of the active key.
 *
 * @param lifetime seconds
 * @param allowedClockSkew seconds
 */
record ClerkJwtTemplate(String object, String id, String name, JsonNode claims, long lifetime, long allowedClockSkew,
		boolean customSigningKey, String signingAlgorithm, long createdAt, long updatedAt) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ClerkJwtTemplate of(StoredTemplate template, String signingAlgorithm) {
		return new ClerkJwtTemplate("jwt_template", template.id(), template.name(), JSON.readTree(template.content()),
				template.lifetime().toSeconds(), template.allowedClockSkew().toSeconds(), false, signingAlgorithm,
				template.createdAt().toEpochMilli(), template.updatedAt().toEpochMilli());
	}

}
