package dev.claimsmith.selfservice;

import java.util.List;

import dev.claimsmith.metadata.JsonMetadata;

/**
 * The contract's {@code me} object: what the signed-in user may read about themselves,
 * their organization and membership. It has no field for {@code metadata},
 * {@code custom_attributes}, {@code external_id} or password material, so none can leak
 * into it.
 *
 * @param organization null for a token without an organization, or when the user is no
 * longer an active member of it
 * @param organizationMembership null exactly when {@code organization} is
 */
record MeResponse(String object, User user, Organization organization, OrganizationMembership organizationMembership) {

	record User(String id, String email, boolean emailVerified, String firstName, String lastName,
			String profilePictureUrl, JsonMetadata publicMetadata, JsonMetadata unsafeMetadata) {
	}

	record Organization(String id, String name, JsonMetadata publicMetadata) {
	}

	record OrganizationMembership(String id, Role role, List<Role> roles, List<String> permissions,
			JsonMetadata publicMetadata) {
	}

	record Role(String slug) {
	}

}
