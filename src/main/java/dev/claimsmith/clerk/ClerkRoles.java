package dev.claimsmith.clerk;

/**
 * Clerk's role keys are Claimsmith's role slugs with {@code org:} in front
 * ({@code org:admin} ↔ {@code admin}); an unknown key is a 422.
 */
final class ClerkRoles {

	static final String PREFIX = "org:";

	static final String ADMIN_SLUG = "admin";

	private ClerkRoles() {
	}

	static String toClerk(String slug) {
		return PREFIX + slug;
	}

	/**
	 * The Claimsmith slug of a Clerk role key; whether it is defined is checked later.
	 */
	static String fromClerk(String key) {
		if (key == null || !key.startsWith(PREFIX) || key.length() == PREFIX.length()) {
			throw ClerkException.invalidParam("role",
					"role must be a role key such as org:admin or org:member; '" + key + "' is not one.");
		}
		return key.substring(PREFIX.length());
	}

}
