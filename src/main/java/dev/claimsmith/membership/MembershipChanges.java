package dev.claimsmith.membership;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.user.UserChanges;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

/**
 * A create or update request for a membership, validated. On create the member is either
 * an existing user ({@code user_id}) or a new one ({@code user}, a user create body); on
 * update every field is optional and an absent field stays as it is.
 *
 * @param userId the existing member; null on update or with {@code newUser}
 * @param newUser the user to create with the membership; null unless {@code user} was
 * sent
 * @param organizationId null on update
 * @param roleSlug null when not sent (create: the default role; update: unchanged)
 * @param externalId the customer's id of the user within the organization; null clears
 * @param metadata the metadata classes sent, WorkOS partial semantics per class
 */
record MembershipChanges(String userId, UserChanges newUser, String organizationId, String roleSlug,
		PatchValue<String> externalId, MetadataChanges metadata) {

	static final int MAX_ID_LENGTH = 64;

	static final int MAX_EXTERNAL_ID_LENGTH = 128;

	static MembershipChanges forCreate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		JsonNode user = reader.node("user");
		boolean newUser = user != null && !user.isNull();
		String userId = null;
		if (newUser) {
			if (reader.has("user_id")) {
				reader.fail("user_id", "mutually_exclusive", "Give either user_id or user, not both.");
			}
			else if (!user.isObject()) {
				reader.fail("user", "invalid_type", "user must be an object (a user create body).");
			}
		}
		else {
			userId = reader.requiredString("user_id", 1, MAX_ID_LENGTH);
		}
		String organizationId = reader.requiredString("organization_id", 1, MAX_ID_LENGTH);
		String roleSlug = requestedRole(reader);
		PatchValue<String> externalId = reader.patchAsciiString("external_id", 1, MAX_EXTERNAL_ID_LENGTH);
		reader.validate();
		MetadataChanges metadata = MetadataChanges.fromRequest(reader, Membership.METADATA_CLASSES);
		UserChanges userChanges = newUser ? UserChanges.forCreate(user) : null;
		return new MembershipChanges(userId, userChanges, organizationId, roleSlug, externalId, metadata);
	}

	static MembershipChanges forUpdate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String roleSlug = requestedRole(reader);
		PatchValue<String> externalId = reader.patchAsciiString("external_id", 1, MAX_EXTERNAL_ID_LENGTH);
		reader.validate();
		MetadataChanges metadata = MetadataChanges.fromRequest(reader, Membership.METADATA_CLASSES);
		return new MembershipChanges(null, null, null, roleSlug, externalId, metadata);
	}

	/** An update of the metadata classes only (a merge patch). */
	static MembershipChanges ofMetadata(MetadataChanges metadata) {
		return new MembershipChanges(null, null, null, null, PatchValue.absent(), metadata);
	}

	/**
	 * WorkOS takes {@code role_slug} or, for multiple roles, {@code role_slugs}. A
	 * Claimsmith membership has one role, so {@code role_slugs} must name exactly one:
	 * ignoring it would silently give the default role instead.
	 */
	private static String requestedRole(JsonObjectReader reader) {
		String roleSlug = reader.optionalString("role_slug", 1, MAX_ID_LENGTH).orElse(null);
		JsonNode roleSlugs = reader.node("role_slugs");
		if (roleSlugs == null || roleSlugs.isNull()) {
			return roleSlug;
		}
		if (roleSlug != null) {
			reader.fail("role_slugs", "mutually_exclusive", "Give either role_slug or role_slugs, not both.");
			return null;
		}
		if (!roleSlugs.isArray() || roleSlugs.size() != 1 || !roleSlugs.get(0).isString()) {
			reader.fail("role_slugs", "multiple_roles_not_supported",
					"role_slugs must name exactly one role: a membership has one role.");
			return null;
		}
		String slug = roleSlugs.get(0).stringValue();
		if (slug.isEmpty() || slug.length() > MAX_ID_LENGTH) {
			reader.fail("role_slugs", "invalid_role", "role_slugs must name a configured role.");
			return null;
		}
		return slug;
	}

}
