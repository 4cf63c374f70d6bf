package dev.claimsmith.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list of context paths a template may read. Anything else (a typo, a password
 * hash, an internal column) is refused when the template is compiled, not when a token is
 * minted.
 */
final class ContextPaths {

	private static final Map<String, Set<String>> SCALARS = Map.of("user",
			Set.of("id", "email", "email_verified", "first_name", "last_name", "profile_picture_url", "external_id"),
			"organization", Set.of("id", "name", "external_id"), "organization_membership",
			Set.of("id", "role", "status"));

	private ContextPaths() {
	}

	static boolean isAllowed(List<String> segments) {
		if (segments.size() < 2 || !SCALARS.containsKey(segments.get(0))) {
			return false;
		}
		String root = segments.get(0);
		String field = segments.get(1);
		int size = segments.size();
		if (SCALARS.get(root).contains(field)) {
			return size == 2;
		}
		return switch (root + "." + field) {
			case "user.metadata", "organization.metadata" -> size <= 3;
			case "organization.domains" -> size == 2 || (size >= 3 && isIndex(segments.get(2))
					&& (size == 3 || (size == 4 && segments.get(3).equals("domain"))));
			case "organization_membership.roles", "organization_membership.permissions" ->
				size == 2 || (size == 3 && isIndex(segments.get(2)));
			default -> false;
		};
	}

	/** {@code user.metadata.seats}: a metadata key that may legitimately be missing. */
	static boolean isMetadataKey(List<String> segments) {
		return segments.size() == 3 && segments.get(1).equals("metadata");
	}

	static boolean isIndex(String segment) {
		return !segment.isEmpty() && segment.length() <= 4 && segment.chars().allMatch(Character::isDigit);
	}

}
