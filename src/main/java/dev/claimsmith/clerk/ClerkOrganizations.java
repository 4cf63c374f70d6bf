package dev.claimsmith.clerk;

import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.UserService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Clerk wire's organization operations that span modules: an organization with a
 * {@code created_by} user gets that user as its first admin, in the same transaction.
 */
@Service
class ClerkOrganizations {

	private final OrganizationService organizations;

	private final MembershipService memberships;

	private final UserService users;

	ClerkOrganizations(OrganizationService organizations, MembershipService memberships, UserService users) {
		this.organizations = organizations;
		this.memberships = memberships;
		this.users = users;
	}

	/** By id ({@code org_…}) or, for anything else, by slug. */
	@Transactional(readOnly = true)
	Organization find(String idOrSlug) {
		return (idOrSlug.startsWith("org_") ? this.organizations.find(idOrSlug)
				: this.organizations.findBySlug(idOrSlug))
			.orElseThrow(() -> ClerkException.notFound("organization with id or slug '" + idOrSlug + "'"));
	}

	@Transactional
	Organization create(String name, String slug, String createdBy, MetadataChanges metadata) {
		if (createdBy != null && this.users.find(createdBy).isEmpty()) {
			throw ClerkException.invalidParam("created_by", "No user with id '" + createdBy + "' exists.");
		}
		Organization organization = this.organizations.create(name, slug, metadata);
		if (createdBy != null) {
			this.memberships.createFor(createdBy, organization.id(), ClerkRoles.ADMIN_SLUG, MetadataChanges.none());
		}
		return organization;
	}

	/** The number of active members, for {@code include_members_count}. */
	@Transactional(readOnly = true)
	long membersCount(String organizationId) {
		return this.memberships.countActive(organizationId);
	}

}
