package dev.claimsmith.token;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the current user, organization and membership for a mint or a preview, so both
 * see the same data and fail the same way.
 */
@Component
class MintSubjects {

	private final UserService users;

	private final OrganizationService organizations;

	private final MembershipService memberships;

	MintSubjects(UserService users, OrganizationService organizations, MembershipService memberships) {
		this.users = users;
		this.organizations = organizations;
		this.memberships = memberships;
	}

	/**
	 * One read-only transaction for the lookups: one connection and one commit per mint
	 * instead of three.
	 * @throws ApiException 404 for an unknown user or organization, 403
	 * {@code organization_membership_required} when the user is not an active member
	 */
	@Transactional(readOnly = true)
	MintSubject load(String userId, String organizationId) {
		User user = this.users.find(userId).orElseThrow(() -> ApiException.notFound("user", userId));
		if (organizationId == null) {
			return new MintSubject(user, null, null, null);
		}
		Organization organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ApiException.notFound("organization", organizationId));
		Membership membership = this.memberships.findActive(userId, organizationId)
			.orElseThrow(() -> ApiException.forbidden("organization_membership_required",
					"User '" + userId + "' is not an active member of organization '" + organizationId + "'."));
		return new MintSubject(user, organization, membership, this.memberships.permissionsOf(membership));
	}

}
