package dev.claimsmith.template;

import java.util.List;
import java.util.Locale;

/**
 * Recognizes claim names that look like an authorization decision ({@code role},
 * {@code roles}, {@code permission(s)}, {@code scope(s)}, {@code admin},
 * {@code group(s)}, {@code entitlement(s)}), in any case and after any prefix such as
 * {@code urn:myapp:}, {@code x-hasura-allowed-} or {@code is_}: a template that feeds one
 * from a value the user can write gets a warning.
 */
final class AuthorizationClaims {

	static final String USER_WRITABLE = "Claim \"%s\" looks like an authorization decision but is fed from "
			+ "user.unsafe_metadata, which the signed-in user can write (PATCH /me): never authorize on it";

	// Longest first, so "roles" is matched before "role" would leave a stray "s".
	private static final List<String> WORDS = List.of("entitlements", "entitlement", "permissions", "permission",
			"groups", "group", "scopes", "scope", "roles", "role", "admin");

	private AuthorizationClaims() {
	}

	static boolean looksLikeDecision(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String word : WORDS) {
			if (lower.endsWith(word)) {
				int start = name.length() - word.length();
				// The word stands alone: at the start, after a separator, or as the
				// capitalized last word of a camelCase name (userRoles).
				return start == 0 || !Character.isLetterOrDigit(name.charAt(start - 1))
						|| (Character.isUpperCase(name.charAt(start))
								&& !Character.isUpperCase(name.charAt(start - 1)));
			}
		}
		return false;
	}

}
