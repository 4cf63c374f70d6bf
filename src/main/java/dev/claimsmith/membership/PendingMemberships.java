package dev.claimsmith.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.web.ApiException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pending memberships that open invitations hold: their public face for the
 * invitation module. Every method joins the caller's transaction, so an invitation and
 * its membership change together.
 */
@Service
public class PendingMemberships {

	private final Memberships memberships;

	private final MembershipService service;

	private final Clock clock;

	private final MembershipEvents events;

	PendingMemberships(Memberships memberships, MembershipService service, Clock clock, MembershipEvents events) {
		this.memberships = memberships;
		this.service = service;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Holds a pending membership for an invitation: a new one, or the invited user's
	 * inactive one made pending.
	 * @param userId the invited email's user, null when it has none
	 * @throws ApiException 422 {@code invalid_role}, 409 when the user is already an
	 * active member, 400 {@code duplicate_invitation} when one is already pending
	 */
	@Transactional
	public Hold hold(String userId, String organizationId, String roleSlug) {
		this.service.checkRole(roleSlug);
		Instant now = Timestamps.now(this.clock);
		Optional<Membership> existing = (userId != null)
				? this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId) : Optional.empty();
		if (existing.isPresent()) {
			Membership membership = existing.get();
			if (membership.isPending()) {
				throw duplicateInvitation();
			}
			if (membership.isActive()) {
				throw MembershipService.alreadyExists();
			}
			String prior = membership.status();
			membership.holdPending(now);
			Membership held = this.events.published(ChangeEvent.MEMBERSHIP_UPDATED, this.memberships.save(membership));
			return new Hold(held.id(), prior);
		}
		try {
			Membership held = this.memberships.save(Membership.pending(userId, organizationId, roleSlug, now));
			return new Hold(this.events.published(ChangeEvent.MEMBERSHIP_CREATED, held).id(), null);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.isViolationOf(ex, "organization_membership_user_org_key")) {
				// Another invitation for this user and organization won the race.
				throw duplicateInvitation();
			}
			throw ApiException.notFound("The user or organization no longer exists.");
		}
	}

	/**
	 * Lets go of a revoked or expired invitation's membership: deleted when the
	 * invitation created it, else back to the status it had.
	 */
	@Transactional
	public void release(String membershipId, String priorStatus) {
		this.memberships.findLockedById(membershipId).filter(Membership::isPending).ifPresent((membership) -> {
			if (priorStatus == null) {
				this.events.published(ChangeEvent.MEMBERSHIP_DELETED, membership);
				this.memberships.delete(membership);
			}
			else {
				membership.changeStatus(priorStatus, Timestamps.now(this.clock));
				this.events.published(ChangeEvent.MEMBERSHIP_UPDATED, this.memberships.save(membership));
			}
		});
	}

	/**
	 * Makes the invitation's membership the user's active one, with the invited role, and
	 * moves the invitation's metadata into it (top-level keys set; a membership the user
	 * already had keeps its other keys). When the user already had a membership of the
	 * organization, that one is activated and the pending one goes; when the pending one
	 * is gone (its user was deleted), a new one is made.
	 * @param membershipId the pending membership, or null when it is gone
	 * @return the active membership's id
	 */
	@Transactional
	public String activate(String membershipId, String userId, String organizationId, String roleSlug,
			JsonMetadata metadata, JsonMetadata publicMetadata) {
		Instant now = Timestamps.now(this.clock);
		Optional<Membership> pending = Optional.ofNullable(membershipId)
			.flatMap(this.memberships::findLockedById)
			.filter((membership) -> membership.userId() == null || membership.userId().equals(userId));
		Optional<Membership> own = this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId)
			.filter((membership) -> pending.isEmpty() || !membership.id().equals(pending.get().id()));
		Membership target;
		if (own.isPresent()) {
			pending.ifPresent((gone) -> {
				this.events.published(ChangeEvent.MEMBERSHIP_DELETED, gone);
				this.memberships.delete(gone);
			});
			target = own.get();
		}
		else {
			target = pending.orElseGet(() -> Membership.pending(userId, organizationId, roleSlug, now));
		}
		target.activateFor(userId, roleSlug, now);
		target.updateMetadata(MetadataChanges.of(moved(MetadataClass.METADATA, metadata),
				moved(MetadataClass.PUBLIC_METADATA, publicMetadata)), now);
		String event = (target.version() == 0) ? ChangeEvent.MEMBERSHIP_CREATED : ChangeEvent.MEMBERSHIP_UPDATED;
		return this.events.published(event, this.memberships.save(target)).id();
	}

	/**
	 * The invitation's classes as top-level sets over the membership's own; an empty
	 * class moves nothing (as a partial update, {@code {}} would clear).
	 */
	private static MetadataUpdate moved(MetadataClass metadataClass, JsonMetadata value) {
		// Checked when the invitation stored them, by the wire that wrote them (the Clerk
		// wire's are typed): moved as they are.
		return value.isEmpty() ? null : MetadataUpdate.typedPartial(metadataClass, value.json());
	}

	private static ApiException duplicateInvitation() {
		return ApiException.badRequest("duplicate_invitation",
				"An open invitation for this email and organization already exists.");
	}

	/**
	 * A pending membership held by an invitation.
	 *
	 * @param membershipId the pending membership
	 * @param priorStatus its status before the invitation, null when the invitation made
	 * it
	 */
	public record Hold(String membershipId, String priorStatus) {
	}

}
