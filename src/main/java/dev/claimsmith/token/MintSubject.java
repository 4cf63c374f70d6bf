package dev.claimsmith.token;

import java.util.List;

import dev.claimsmith.metadata.Metadata;

/**
 * Who a token is about: the user, and the organization with the user's active membership
 * of it (both null for a token without organization). Holds only the allow-listed fields
 * a template may see: no password hash, versions or timestamps ever reach the mint path.
 */
record MintSubject(UserView user, OrganizationView organization, MembershipView membership, List<String> permissions) {

	MintSubject {
		if (user == null) {
			throw new IllegalArgumentException("a subject has a user");
		}
		if ((organization == null) != (membership == null)) {
			throw new IllegalArgumentException("organization and membership come together");
		}
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
	}

	record UserView(String id, String email, boolean emailVerified, String firstName, String lastName,
			String profilePictureUrl, String externalId, Metadata metadata) {
	}

	/** {@code domains} are the domain names in the organization's order. */
	record OrganizationView(String id, String name, String externalId, Metadata metadata, List<String> domains) {

		OrganizationView {
			domains = List.copyOf(domains);
		}

	}

	record MembershipView(String id, String role, String status) {
	}

}
