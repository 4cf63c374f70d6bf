package dev.claimsmith.auth0;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.user.User;

/**
 * A user as Auth0 shows one: {@code app_metadata} is Claimsmith's
 * {@code public_metadata}, {@code user_metadata} its {@code unsafe_metadata}; the private
 * {@code metadata} class has no Auth0 counterpart and is never shown here.
 */
record Auth0User(String userId, String email, boolean emailVerified, String givenName, String familyName, String name,
		String nickname, String picture, List<Identity> identities, JsonMetadata appMetadata, JsonMetadata userMetadata,
		String createdAt, String updatedAt, String lastLogin) {

	static Auth0User of(User user, String connection) {
		String fullName = fullName(user);
		String nickname = user.email().substring(0, Math.max(0, user.email().indexOf('@')));
		return new Auth0User(user.id(), user.email(), user.emailVerified(), user.firstName(), user.lastName(),
				(fullName != null) ? fullName : user.email(), nickname, user.profilePictureUrl(),
				List.of(new Identity(connection, user.id(), "auth0", false)), user.publicMetadata(),
				user.unsafeMetadata(), Timestamps.format(user.createdAt()), Timestamps.format(user.updatedAt()),
				(user.lastSignInAt() != null) ? Timestamps.format(user.lastSignInAt()) : null);
	}

	private static String fullName(User user) {
		String first = (user.firstName() != null) ? user.firstName().trim() : "";
		String last = (user.lastName() != null) ? user.lastName().trim() : "";
		String joined = (first + " " + last).trim();
		return joined.isEmpty() ? null : joined;
	}

	/** Claimsmith has one user store: every user has one database identity. */
	record Identity(String connection, String userId, String provider, @JsonProperty("isSocial") boolean isSocial) {
	}

}
