package dev.claimsmith.token;

import java.util.List;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.user.User;

/**
 * Who a token is about: the user, and the organization with the user's active membership
 * of it (both null for a token without organization).
 */
record MintSubject(User user, Organization organization, Membership membership, List<String> permissions) {

	MintSubject {
		if ((organization == null) != (membership == null)) {
			throw new IllegalArgumentException("organization and membership come together");
		}
		permissions = (permissions == null) ? List.of() : List.copyOf(permissions);
	}

}
