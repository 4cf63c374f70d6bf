package dev.claimsmith.clerk;

/** Clerk's answer to a delete: {@code {"object","id","deleted":true}}. */
record ClerkDeleted(String object, String id, boolean deleted) {

	static ClerkDeleted of(String object, String id) {
		return new ClerkDeleted(object, id, true);
	}

}
