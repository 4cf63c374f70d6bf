package dev.claimsmith.membership;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserResponse;
import dev.claimsmith.user.UserService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes membership changes for the events feed, inside the write's transaction (see
 * {@link ChangeEvent}), with the membership as the API returns it: its user and
 * organization name are read in that transaction, so the event shows what commits.
 */
@Component
class MembershipEvents {

	private final UserService users;

	private final OrganizationService organizations;

	private final ApplicationEventPublisher events;

	MembershipEvents(UserService users, OrganizationService organizations, ApplicationEventPublisher events) {
		this.users = users;
		this.organizations = organizations;
		this.events = events;
	}

	Membership published(String event, Membership membership) {
		User user = (membership.userId() != null) ? this.users.find(membership.userId()).orElse(null) : null;
		String organizationName = this.organizations.find(membership.organizationId())
			.map(Organization::name)
			.orElse(null);
		MembershipResponse response = MembershipResponse.of(membership, (user != null) ? UserResponse.of(user) : null,
				organizationName);
		this.events.publishEvent(new ChangeEvent(event, membership.organizationId(), response));
		return membership;
	}

}
