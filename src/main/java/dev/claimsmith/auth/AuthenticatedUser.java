package dev.claimsmith.auth;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.user.User;

/**
 * The user object of authentication answers: the management object without
 * {@code metadata} and {@code external_id}, so raw metadata reaches clients only through
 * template claims.
 */
record AuthenticatedUser(String object, String id, String email, boolean emailVerified, String firstName,
		String lastName, String profilePictureUrl, String lastSignInAt, String createdAt, String updatedAt) {

	static AuthenticatedUser of(User user) {
		return new AuthenticatedUser("user", user.id(), user.email(), user.emailVerified(), user.firstName(),
				user.lastName(), user.profilePictureUrl(), Timestamps.format(user.lastSignInAt()),
				Timestamps.format(user.createdAt()), Timestamps.format(user.updatedAt()));
	}

}
