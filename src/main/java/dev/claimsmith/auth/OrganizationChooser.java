package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.user.User;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Which organization a sign-in speaks for: the one named (which must be an active
 * membership), else the only active membership, else none when there is none; a user in
 * several organizations who named none must choose.
 */
@Component
class OrganizationChooser {

	private final MembershipService memberships;

	private final OrganizationService organizations;

	private final PendingAuthentications pendingAuthentications;

	private final SessionProperties properties;

	private final Clock clock;

	OrganizationChooser(MembershipService memberships, OrganizationService organizations,
			PendingAuthentications pendingAuthentications, SessionProperties properties, Clock clock) {
		this.memberships = memberships;
		this.organizations = organizations;
		this.pendingAuthentications = pendingAuthentications;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The organization id, or null for a user without memberships.
	 * @throws ApiException 403 {@code organization_membership_required} when the named
	 * organization is not an active membership of the user
	 * @throws OrganizationSelectionRequiredException when the user must choose
	 */
	String choose(User user, String requested, String clientId) {
		if (requested != null) {
			requireActiveMembership(user.id(), requested);
			return requested;
		}
		List<Membership> active = this.memberships.activeMembershipsOf(user.id());
		if (active.isEmpty()) {
			return null;
		}
		if (active.size() == 1) {
			return active.get(0).organizationId();
		}
		throw selectionRequired(user, active, clientId);
	}

	void requireActiveMembership(String userId, String organizationId) {
		if (this.memberships.findActive(userId, organizationId).isEmpty()) {
			throw ApiException.forbidden("organization_membership_required",
					"The user is not an active member of organization '" + organizationId + "'.");
		}
	}

	private OrganizationSelectionRequiredException selectionRequired(User user, List<Membership> active,
			String clientId) {
		Map<String, Organization> byId = this.organizations
			.findAll(active.stream().map(Membership::organizationId).toList());
		List<OrganizationSelectionRequired.Choice> choices = active.stream()
			.map((membership) -> byId.get(membership.organizationId()))
			.filter(Objects::nonNull)
			.map((organization) -> new OrganizationSelectionRequired.Choice(organization.id(), organization.name()))
			.toList();
		Instant now = Timestamps.now(this.clock);
		String pending = this.pendingAuthentications.issue(user.id(), clientId, now,
				now.plus(this.properties.pendingAuthenticationLifetime()));
		return new OrganizationSelectionRequiredException(AuthenticatedUser.of(user), choices, pending);
	}

}
