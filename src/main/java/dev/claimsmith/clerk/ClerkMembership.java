package dev.claimsmith.clerk;

import java.util.List;
import java.util.Locale;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.user.User;

/**
 * Clerk's organization membership: addressed by the user's id on this wire, with the
 * organization and the user's public data embedded. Permissions are the role's configured
 * ones with {@code org:} in front, like role keys.
 */
record ClerkMembership(String object, String id, String role, String roleName, List<String> permissions,
		JsonMetadata publicMetadata, JsonMetadata privateMetadata, ClerkOrganization organization,
		PublicUserData publicUserData, long createdAt, long updatedAt) {

	static ClerkMembership of(Membership membership, ClerkOrganization organization, User user,
			List<String> permissions) {
		String slug = membership.roleSlug();
		String roleName = slug.isEmpty() ? slug : slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1);
		return new ClerkMembership("organization_membership", membership.id(), ClerkRoles.toClerk(slug), roleName,
				permissions.stream().map(ClerkRoles::toClerk).toList(), membership.publicMetadata(),
				membership.metadata(), organization, PublicUserData.of(user), membership.createdAt().toEpochMilli(),
				membership.updatedAt().toEpochMilli());
	}

	/** What Clerk shows of the member to other members: never metadata. */
	record PublicUserData(String userId, String firstName, String lastName, String imageUrl, boolean hasImage,
			String identifier, String username) {

		static PublicUserData of(User user) {
			return new PublicUserData(user.id(), user.firstName(), user.lastName(),
					(user.profilePictureUrl() != null) ? user.profilePictureUrl() : "",
					user.profilePictureUrl() != null, user.email(), null);
		}

	}

}
