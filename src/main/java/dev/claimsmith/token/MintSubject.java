package dev.claimsmith.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.user.UserId;

/**
 * Who a token is about, as the claims context a template renders from: {@code user}, and
 * {@code organization} with the user's {@code organization_membership} of it (both absent
 * for a token without organization). Holds only what {@code ClaimsContextSchema}
 * declares: no password hash, versions or timestamps ever reach the mint path. Built once
 * per mint or preview; its maps are not shared with anything that changes them.
 *
 * @param context the claims context
 * @param userId the token's {@code sub} (null only in a preview from inline data)
 * @param organizationId the token's {@code org_id}, or null
 * @param role the membership's role, or null
 * @param permissions the role's permissions
 * @param fingerprint the keyed fingerprint of the stored context
 * ({@link ClaimsFingerprints}), or null for a preview's inline data
 */
record MintSubject(Map<String, Object> context, UserId userId, OrganizationId organizationId, String role,
		List<String> permissions, String fingerprint) {

	static final String USER = "user";

	static final String ORGANIZATION = "organization";

	static final String MEMBERSHIP = "organization_membership";

	MintSubject {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
	}

	/** A subject loaded from stored data; organization and membership come together. */
	static MintSubject of(Map<String, Object> user, Map<String, Object> organization, Map<String, Object> membership,
			List<String> permissions, String fingerprint) {
		if ((organization == null) != (membership == null)) {
			throw new IllegalArgumentException("organization and membership come together");
		}
		Map<String, Object> context = new LinkedHashMap<>();
		context.put(USER, user);
		if (organization != null) {
			context.put(ORGANIZATION, organization);
			context.put(MEMBERSHIP, membership);
		}
		return new MintSubject(context, new UserId((String) user.get("id")),
				(organization != null) ? new OrganizationId((String) organization.get("id")) : null,
				(membership != null) ? (String) membership.get("role") : null, permissions, fingerprint);
	}

	/**
	 * A subject from a preview's inline context, already checked against the schema: the
	 * reserved claims come from whatever it holds.
	 */
	@SuppressWarnings("unchecked")
	static MintSubject inline(Map<String, Object> context) {
		Map<String, Object> membership = (context.get(MEMBERSHIP) instanceof Map<?, ?> map) ? (Map<String, Object>) map
				: Map.of();
		List<String> permissions = (membership.get("permissions") instanceof List<?> list)
				? list.stream().map(String::valueOf).toList() : List.of();
		return new MintSubject(context, UserId.ofNullable(text(context, USER, "id")),
				OrganizationId.ofNullable(text(context, ORGANIZATION, "id")), text(context, MEMBERSHIP, "role"),
				permissions, null);
	}

	private static String text(Map<String, Object> context, String object, String field) {
		return (context.get(object) instanceof Map<?, ?> map && map.get(field) instanceof String value) ? value : null;
	}

}
