package dev.claimsmith.auth0;

import dev.claimsmith.user.User;

/** A member of an organization as Auth0 lists one. */
record Auth0Member(String userId, String email, String picture, String name) {

	static Auth0Member of(User user) {
		String name = (((user.firstName() != null) ? user.firstName() : "") + " "
				+ ((user.lastName() != null) ? user.lastName() : ""))
			.trim();
		return new Auth0Member(user.id(), user.email(), user.profilePictureUrl(), name.isEmpty() ? user.email() : name);
	}

}
