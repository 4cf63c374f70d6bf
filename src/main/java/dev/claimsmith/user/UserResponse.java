package dev.claimsmith.user;

import java.util.Map;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Timestamps;

/**
 * The contract's user object, as management endpoints answer it. Authentication answers a
 * narrower object of its own, without any metadata class or external id. {@code metadata}
 * shows the WorkOS string view of its class (a typed value as its JSON text).
 */
public record UserResponse(String object, String id, String email, boolean emailVerified, String firstName,
		String lastName, String profilePictureUrl, String lastSignInAt, String externalId, Map<String, String> metadata,
		JsonMetadata publicMetadata, JsonMetadata unsafeMetadata, String createdAt, String updatedAt) {

	public static UserResponse of(User user) {
		return new UserResponse("user", user.id(), user.email(), user.emailVerified(), user.firstName(),
				user.lastName(), user.profilePictureUrl(), Timestamps.format(user.lastSignInAt()), user.externalId(),
				user.metadata().asStrings(), user.publicMetadata(), user.unsafeMetadata(),
				Timestamps.format(user.createdAt()), Timestamps.format(user.updatedAt()));
	}

}
