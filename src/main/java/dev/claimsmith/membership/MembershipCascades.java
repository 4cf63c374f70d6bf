package dev.claimsmith.membership;

import java.util.List;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.user.UserResponse;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A deleted user or organization takes its memberships with it (a foreign-key cascade,
 * API.md), so no membership write publishes their deletion: this does, when the user's or
 * organization's deletion is published, before the row goes and in the same transaction,
 * so the feed shows each {@code organization_membership.deleted} before the
 * {@code user.deleted} or {@code organization.deleted} that caused it. The memberships
 * are locked, so their events show what was deleted.
 */
@Component
class MembershipCascades {

	private final Memberships memberships;

	private final MembershipEvents events;

	MembershipCascades(Memberships memberships, MembershipEvents events) {
		this.memberships = memberships;
		this.events = events;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void deleting(ChangeEvent change) {
		List<Membership> going = switch (change.event()) {
			case ChangeEvent.USER_DELETED -> (change.data() instanceof UserResponse user)
					? this.memberships.findLockedByUserId(user.id()) : List.of();
			case ChangeEvent.ORGANIZATION_DELETED ->
				this.memberships.findLockedByOrganizationId(change.organizationId());
			default -> List.of();
		};
		going.forEach((membership) -> this.events.published(ChangeEvent.MEMBERSHIP_DELETED, membership));
	}

}
