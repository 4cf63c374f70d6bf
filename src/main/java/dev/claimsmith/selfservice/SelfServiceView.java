package dev.claimsmith.selfservice;

import java.util.List;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.IfMatch;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code me} object from the user, organization and membership modules' public
 * reads, copying only the fields the signed-in user may see.
 */
@Component
class SelfServiceView {

	private final UserService users;

	private final OrganizationService organizations;

	private final MembershipService memberships;

	SelfServiceView(UserService users, OrganizationService organizations, MembershipService memberships) {
		this.users = users;
		this.organizations = organizations;
		this.memberships = memberships;
	}

	/**
	 * What {@code signedIn} may read now, with the user's version for the {@code ETag}.
	 * @throws NotSignedInException when the user has been deleted since the token was
	 * minted
	 */
	Versioned of(SignedInUser signedIn) {
		User user = this.users.find(signedIn.userId())
			.orElseThrow(() -> new NotSignedInException("The user of this access token no longer exists."));
		MeResponse.User me = new MeResponse.User(user.id(), user.email(), user.emailVerified(), user.firstName(),
				user.lastName(), user.profilePictureUrl(), user.publicMetadata(), user.unsafeMetadata());
		Membership membership = (signedIn.organizationId() != null)
				? this.memberships.findActive(user.id(), signedIn.organizationId()).orElse(null) : null;
		Organization organization = (membership != null)
				? this.organizations.find(membership.organizationId()).orElse(null) : null;
		if (organization == null) {
			return new Versioned(new MeResponse("me", me, null, null), user.version());
		}
		MeResponse.Role role = new MeResponse.Role(membership.roleSlug());
		return new Versioned(new MeResponse("me", me,
				new MeResponse.Organization(organization.id(), organization.name(), organization.publicMetadata()),
				new MeResponse.OrganizationMembership(membership.id(), role, List.of(role),
						this.memberships.permissionsOf(membership.roleSlug()), membership.publicMetadata())),
				user.version());
	}

	/**
	 * The {@code me} object and the version of its user, which {@code If-Match} names.
	 */
	record Versioned(MeResponse response, long userVersion) {

		ResponseEntity<MeResponse> toResponse() {
			return IfMatch.ok(this.response, this.userVersion);
		}

	}

}
