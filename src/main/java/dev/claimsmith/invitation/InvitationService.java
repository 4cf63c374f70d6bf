package dev.claimsmith.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.claimsmith.membership.PendingMemberships;
import dev.claimsmith.membership.RolesProperties;
import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.ListRequest;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: the module's public face. An open invitation to an organization holds a
 * pending membership; acceptance makes it active with the invited role and moves the
 * invitation's metadata into it. Accepting, revoking or resending an invitation that no
 * longer allows it is a 400 {@code invitation_invalid} that changes nothing.
 */
@Service
public class InvitationService {

	private final Invitations invitations;

	private final PendingMemberships memberships;

	private final UserService users;

	private final OrganizationService organizations;

	private final RolesProperties roles;

	private final CursorPager pager;

	private final NamedParameterJdbcTemplate jdbc;

	private final InvitationProperties properties;

	private final Clock clock;

	InvitationService(Invitations invitations, PendingMemberships memberships, UserService users,
			OrganizationService organizations, RolesProperties roles, CursorPager pager,
			NamedParameterJdbcTemplate jdbc, InvitationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.invitations = invitations;
		this.memberships = memberships;
		this.users = users;
		this.organizations = organizations;
		this.roles = roles;
		this.pager = pager;
		this.clock = clock;
	}

	/**
	 * Opens an invitation, replacing an expired one for the same email and organization.
	 * @throws ApiException 404 for an unknown organization or inviter, 422
	 * {@code invalid_role}, 400 {@code duplicate_invitation} while one is open
	 */
	@Transactional
	Issued create(InvitationRequest request) {
		if (request.organizationId() != null && this.organizations.find(request.organizationId()).isEmpty()) {
			throw ApiException.notFound("organization", request.organizationId());
		}
		if (request.inviterUserId() != null && this.users.find(request.inviterUserId()).isEmpty()) {
			throw ApiException.notFound("user", request.inviterUserId());
		}
		Instant now = now();
		InvitationRequest invited = (request.organizationId() != null && request.roleSlug() == null)
				? request.withRole(this.roles.defaultRole()) : request;
		this.invitations.findLockedByOpenKey(Invitation.openKey(invited.organizationId(), invited.email()))
			.ifPresent((open) -> supersede(open, now));
		PendingMemberships.Hold hold = (invited.organizationId() != null)
				? this.memberships.hold(this.users.findByEmail(invited.email()).map(User::id).orElse(null),
						invited.organizationId(), invited.roleSlug())
				: null;
		String token = InvitationTokens.generate();
		Invitation invitation = Invitation.open(invited, (hold != null) ? hold.membershipId() : null,
				(hold != null) ? hold.priorStatus() : null, InvitationTokens.hash(token), now);
		return new Issued(save(invitation), token);
	}

	@Transactional(readOnly = true)
	Optional<Invitation> find(String id) {
		return this.invitations.findById(id);
	}

	@Transactional(readOnly = true)
	Optional<Invitation> findByToken(String token) {
		return this.invitations.findByTokenHash(InvitationTokens.hash(token));
	}

	/** A new token and expiry for a pending invitation, expired or not. */
	@Transactional
	Issued resend(String id) {
		Invitation invitation = locked(id);
		if (!invitation.isPending()) {
			throw invalid("Only a pending invitation can be resent; this one is " + invitation.state(now()) + ".");
		}
		String token = InvitationTokens.generate();
		invitation.renew(InvitationTokens.hash(token), now());
		return new Issued(save(invitation), token);
	}

	/** Revokes a pending invitation, expired or not, and lets go of its membership. */
	@Transactional
	Invitation revoke(String id) {
		Invitation invitation = locked(id);
		if (!invitation.isPending()) {
			throw invalid("Only a pending invitation can be revoked; this one is " + invitation.state(now()) + ".");
		}
		releaseMembership(invitation);
		invitation.revoke(now());
		return save(invitation);
	}

	/**
	 * Accepts on the management side: the user with the invited email, created (without
	 * password) when there is none.
	 */
	@Transactional
	Invitation accept(String id) {
		Invitation invitation = acceptable(locked(id));
		User user = this.users.findByEmail(invitation.email())
			.orElseGet(() -> this.users.createWithPassword(invitation.email(), null));
		return accept(invitation, user.id());
	}

	/**
	 * The invitation a token stands for, while it can be accepted; for a sign-in that
	 * accepts it.
	 */
	@Transactional(readOnly = true)
	public Optional<OpenInvitation> findAcceptable(String token) {
		return findByToken(token).filter((invitation) -> invitation.isAcceptable(now()))
			.map((invitation) -> new OpenInvitation(invitation.id(), invitation.email(), invitation.organizationId()));
	}

	/**
	 * Accepts the invitation of {@code token} for {@code userId}, within the caller's
	 * transaction: the caller may have just created the user, and both stand or fall
	 * together.
	 * @throws ApiException 400 {@code invitation_invalid} when it is no longer acceptable
	 */
	@Transactional
	public void acceptByToken(String token, String userId) {
		Invitation invitation = this.invitations.findLockedByTokenHash(InvitationTokens.hash(token))
			.orElseThrow(() -> invalid("The invitation token is not valid."));
		accept(acceptable(invitation), userId);
	}

	@Transactional(readOnly = true)
	Page list(String organizationId, String email, ListRequest request) {
		StringBuilder select = new StringBuilder("SELECT i.id FROM invitation i WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (organizationId != null) {
			select.append(" AND i.organization_id = :organizationId");
			params.put("organizationId", organizationId);
		}
		if (email != null) {
			select.append(" AND i.email_key = :emailKey");
			params.put("emailKey", Invitation.emailKey(email));
		}
		CursorPager.IdPage page = this.pager.page(select.toString(), "i.id", params, request);
		Map<String, Invitation> byId = new HashMap<>();
		this.invitations.findAllById(page.ids()).forEach((invitation) -> byId.put(invitation.id(), invitation));
		List<Invitation> found = page.ids().stream().map(byId::get).filter(Objects::nonNull).toList();
		return new Page(found, page.before(), page.after());
	}

	/**
	 * Opens an invitation to an organization with typed metadata classes (the Clerk
	 * wire).
	 * @param roleSlug null for the default role
	 * @param expiresInDays null for the default
	 * @param metadata the classes the invitation carries, applied to empty ones
	 * @throws ApiException as the WorkOS wire's create does
	 */
	@Transactional
	public InvitationView createFor(String email, String organizationId, String roleSlug, String inviterUserId,
			Integer expiresInDays, MetadataChanges metadata) {
		JsonObjectReader reader = JsonObjectReader.of(JsonNodeFactory.instance.objectNode().put("email", email));
		String checkedEmail = reader.requiredEmail("email");
		reader.validate();
		int days = (expiresInDays != null) ? expiresInDays : InvitationRequest.DEFAULT_EXPIRES_IN_DAYS;
		if (days < 1 || days > InvitationRequest.MAX_EXPIRES_IN_DAYS) {
			throw ApiException.invalidParameter("expires_in_days", "invalid_expires_in_days",
					"expires_in_days must be a whole number from 1 to " + InvitationRequest.MAX_EXPIRES_IN_DAYS + ".");
		}
		if (roleSlug != null && !this.roles.isDefined(roleSlug)) {
			String message = "Role '" + roleSlug + "' is not defined; defined roles are "
					+ this.roles.definitions().keySet() + ".";
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_role", message,
					List.of(new ApiError.FieldError("role_slug", "invalid_role", message)));
		}
		Issued issued = create(new InvitationRequest(checkedEmail, organizationId, roleSlug, days, inviterUserId,
				metadata.applyTo(MetadataClass.METADATA, JsonMetadata.empty()),
				metadata.applyTo(MetadataClass.PUBLIC_METADATA, JsonMetadata.empty())));
		return InvitationView.of(issued.invitation(), now(), this.properties.acceptUrlFor(issued.token()));
	}

	@Transactional(readOnly = true)
	public Optional<InvitationView> findView(String id) {
		return find(id).map((invitation) -> InvitationView.of(invitation, now(), null));
	}

	/**
	 * Revokes a pending invitation (the Clerk wire).
	 * @throws ApiException 404 unknown, 400 {@code invitation_invalid} when not pending
	 */
	@Transactional
	public InvitationView revokeView(String id) {
		return InvitationView.of(revoke(id), now(), null);
	}

	/**
	 * A page of an organization's invitations by offset (the Clerk wire), newest first
	 * unless {@code oldestFirst}, of the given states (all when empty), and how many
	 * match.
	 */
	@Transactional(readOnly = true)
	public OffsetPage listByOffset(String organizationId, List<String> states, int limit, int offset,
			boolean oldestFirst) {
		StringBuilder where = new StringBuilder(" FROM invitation i WHERE i.organization_id = :organizationId");
		Map<String, Object> params = new HashMap<>();
		params.put("organizationId", organizationId);
		params.put("now", Timestamp.from(now()));
		if (!states.isEmpty()) {
			List<String> conditions = new ArrayList<>();
			for (String state : states) {
				conditions.add(switch (state) {
					case Invitation.PENDING -> "(i.state = 'pending' AND i.expires_at > :now)";
					case Invitation.EXPIRED ->
						"(i.state = 'expired' OR (i.state = 'pending' AND i.expires_at <= :now))";
					case Invitation.ACCEPTED -> "i.state = 'accepted'";
					case Invitation.REVOKED -> "i.state = 'revoked'";
					default -> throw ApiException.invalidParameter("status", "invalid_status",
							"status must be pending, accepted, revoked or expired.");
				});
			}
			where.append(" AND (").append(String.join(" OR ", conditions)).append(")");
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
		String direction = oldestFirst ? "ASC" : "DESC";
		params.put("limit", limit);
		params.put("offset", offset);
		List<String> ids = this.jdbc.queryForList("SELECT i.id" + where + " ORDER BY i.created_at " + direction
				+ ", i.id " + direction + " LIMIT :limit OFFSET :offset", params, String.class);
		Map<String, Invitation> byId = new HashMap<>();
		this.invitations.findAllById(ids).forEach((invitation) -> byId.put(invitation.id(), invitation));
		Instant now = now();
		return new OffsetPage(ids.stream()
			.map(byId::get)
			.filter(Objects::nonNull)
			.map((invitation) -> InvitationView.of(invitation, now, null))
			.toList(), (total != null) ? total : 0);
	}

	private Invitation accept(Invitation invitation, String userId) {
		String membershipId = null;
		if (invitation.organizationId() != null) {
			membershipId = this.memberships.activate(invitation.membershipId(), userId, invitation.organizationId(),
					invitation.roleSlug(), invitation.metadata(), invitation.publicMetadata());
		}
		invitation.accept(userId, membershipId, now());
		return save(invitation);
	}

	private Invitation acceptable(Invitation invitation) {
		if (!invitation.isAcceptable(now())) {
			throw invalid("The invitation is " + invitation.state(now()) + " and cannot be accepted.");
		}
		return invitation;
	}

	private void supersede(Invitation open, Instant now) {
		if (open.isAcceptable(now)) {
			throw ApiException.badRequest("duplicate_invitation", "email",
					"An open invitation for '" + open.email() + "' to this organization already exists.");
		}
		releaseMembership(open);
		open.supersede(now);
		// Written now, so the new invitation's insert finds the open-key index free.
		this.invitations.save(open);
	}

	private void releaseMembership(Invitation invitation) {
		if (invitation.membershipId() != null) {
			this.memberships.release(invitation.membershipId(), invitation.membershipPriorStatus());
		}
	}

	private Invitation save(Invitation invitation) {
		try {
			return this.invitations.save(invitation);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.isViolationOf(ex, "invitation_open_key")) {
				throw ApiException.badRequest("duplicate_invitation", "email",
						"An open invitation for '" + invitation.email() + "' to this organization already exists.");
			}
			// The organization or inviter was deleted meanwhile: the foreign key caught
			// it.
			throw ApiException.notFound("The organization or inviter no longer exists.");
		}
	}

	private Invitation locked(String id) {
		return this.invitations.findLockedById(id).orElseThrow(() -> ApiException.notFound("invitation", id));
	}

	private static ApiException invalid(String message) {
		return ApiException.badRequest("invitation_invalid", message);
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

	/** An invitation and its token, which only this answer shows. */
	record Issued(Invitation invitation, String token) {

		@Override
		public String toString() {
			return "Issued[" + this.invitation.id() + "]";
		}

	}

	/**
	 * An invitation that can be accepted now.
	 *
	 * @param organizationId null for an invitation to the application only
	 */
	public record OpenInvitation(String id, String email, String organizationId) {
	}

	record Page(List<Invitation> invitations, String before, String after) {
	}

	/** One page of {@link #listByOffset} and how many match in all. */
	public record OffsetPage(List<InvitationView> invitations, long totalCount) {
	}

}
