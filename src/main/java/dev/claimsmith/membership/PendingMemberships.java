package dev.claimsmith.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pending memberships that open invitations hold: their public face for the
 * invitation module. Every method joins the caller's transaction, so an invitation and
 * its membership change together.
 */
@Service
public class PendingMemberships {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Memberships memberships;

	private final MembershipService service;

	private final JdbcClient jdbc;

	private final Clock clock;

	PendingMemberships(Memberships memberships, MembershipService service, JdbcClient jdbc, Clock clock) {
		this.memberships = memberships;
		this.service = service;
		this.jdbc = jdbc;
		this.clock = clock;
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
			membership.holdPending(roleSlug, now);
			return new Hold(this.memberships.save(membership).id(), prior);
		}
		try {
			return new Hold(this.memberships.save(Membership.pending(userId, organizationId, roleSlug, now)).id(),
					null);
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
				this.memberships.delete(membership);
			}
			else {
				membership.changeStatus(priorStatus, Timestamps.now(this.clock));
				this.memberships.save(membership);
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
			JsonNode metadata, JsonNode publicMetadata) {
		Instant now = Timestamps.now(this.clock);
		Optional<Membership> pending = Optional.ofNullable(membershipId)
			.flatMap(this.memberships::findLockedById)
			.filter((membership) -> membership.userId() == null || membership.userId().equals(userId));
		Optional<Membership> own = this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId)
			.filter((membership) -> pending.isEmpty() || !membership.id().equals(pending.get().id()));
		Membership target;
		if (own.isPresent()) {
			pending.ifPresent(this.memberships::delete);
			target = own.get();
		}
		else {
			target = pending.orElseGet(() -> Membership.pending(userId, organizationId, roleSlug, now));
		}
		target.activateFor(userId, roleSlug, now);
		String id = this.memberships.save(target).id();
		moveMetadata(id, metadata, publicMetadata);
		return id;
	}

	/**
	 * Written with SQL: the membership's metadata classes are stored as JSON text columns
	 * that this aggregate does not map yet.
	 */
	private void moveMetadata(String id, JsonNode metadata, JsonNode publicMetadata) {
		if (isEmpty(metadata) && isEmpty(publicMetadata)) {
			return;
		}
		record Stored(String metadata, String publicMetadata) {
		}
		Stored stored = this.jdbc.sql("SELECT metadata, public_metadata FROM organization_membership WHERE id = ?")
			.param(id)
			.query((row, number) -> new Stored(row.getString(1), row.getString(2)))
			.single();
		this.jdbc.sql("UPDATE organization_membership SET metadata = ?, public_metadata = ? WHERE id = ?")
			.param(merged(stored.metadata(), metadata))
			.param(merged(stored.publicMetadata(), publicMetadata))
			.param(id)
			.update();
	}

	private static String merged(String stored, JsonNode moved) {
		if (isEmpty(moved)) {
			return stored;
		}
		ObjectNode target = (ObjectNode) JSON.readTree(stored);
		target.setAll((ObjectNode) moved);
		return JSON.writeValueAsString(target);
	}

	private static boolean isEmpty(JsonNode node) {
		return node == null || !node.isObject() || node.isEmpty();
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
