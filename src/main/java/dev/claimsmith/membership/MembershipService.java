package dev.claimsmith.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.IdFilter;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.user.UserSearch;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.PatchValue;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organization memberships: the module's public face. A user has at most one membership
 * per organization (a unique index), active or inactive.
 */
@Service
public class MembershipService {

	private final Memberships memberships;

	private final UserService users;

	private final OrganizationService organizations;

	private final RolesProperties roles;

	private final CursorPager pager;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final MembershipEvents events;

	MembershipService(Memberships memberships, UserService users, OrganizationService organizations,
			RolesProperties roles, CursorPager pager, NamedParameterJdbcTemplate jdbc, Clock clock,
			MembershipEvents events) {
		this.jdbc = jdbc;
		this.events = events;
		this.memberships = memberships;
		this.users = users;
		this.organizations = organizations;
		this.roles = roles;
		this.pager = pager;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Membership> find(String id) {
		return this.memberships.findById(id);
	}

	/** The user's active membership of the organization, if any. */
	@Transactional(readOnly = true)
	public Optional<Membership> findActive(String userId, String organizationId) {
		return this.memberships.findByUserIdAndOrganizationId(userId, organizationId).filter(Membership::isActive);
	}

	@Transactional(readOnly = true)
	public List<Membership> activeMembershipsOf(String userId) {
		return this.memberships.findByUserIdAndStatus(userId, Membership.ACTIVE);
	}

	/** The permissions configured for a role, in configuration order. */
	public List<String> permissionsOf(String roleSlug) {
		return this.roles.permissionsOf(roleSlug);
	}

	/**
	 * Creates a membership of an existing user, or of a new one created in the same
	 * transaction: a failure of either (a taken email or external id, an unknown role or
	 * organization) leaves neither.
	 */
	@Transactional
	Membership create(MembershipChanges changes) {
		String role = (changes.roleSlug() != null) ? changes.roleSlug() : this.roles.defaultRole();
		checkRole(role);
		String organizationId = changes.organizationId();
		if (this.organizations.find(organizationId).isEmpty()) {
			throw ApiException.notFound("organization", organizationId);
		}
		String userId = (changes.newUser() != null) ? this.users.create(changes.newUser()).id() : changes.userId();
		if (changes.newUser() == null && this.users.find(userId).isEmpty()) {
			throw ApiException.notFound("user", userId);
		}
		Optional<Membership> existing = this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId);
		Membership membership = existing.map((found) -> reactivate(found, role))
			.orElseGet(() -> Membership.create(userId, organizationId, role, now()));
		changes.externalId().ifPresent((externalId) -> membership.changeExternalId(externalId, now()));
		membership.updateMetadata(changes.metadata(), now());
		// Re-creating an inactive membership reactivates it: an update of that one.
		String event = existing.isPresent() ? ChangeEvent.MEMBERSHIP_UPDATED : ChangeEvent.MEMBERSHIP_CREATED;
		return this.events.published(event, save(membership));
	}

	/**
	 * Creates (or reactivates) the user's membership of the organization (the Clerk wire,
	 * which addresses memberships by user id).
	 * @param roleSlug null for the default role
	 * @throws ApiException as the WorkOS wire's create does: 404 for an unknown user or
	 * organization, 409 for an active one, 422 {@code invalid_role}
	 */
	@Transactional
	public Membership createFor(String userId, String organizationId, String roleSlug, MetadataChanges metadata) {
		return create(new MembershipChanges(userId, null, organizationId, roleSlug, PatchValue.absent(), metadata));
	}

	/**
	 * Changes the role (when not null) and metadata of the user's active membership of
	 * the organization, under its row lock.
	 * @throws ApiException 404 when the user has no active membership there
	 */
	@Transactional
	public Membership updateOf(String userId, String organizationId, String roleSlug, MetadataChanges metadata) {
		Membership membership = activeOf(userId, organizationId);
		return update(membership.id(), new MembershipChanges(null, null, null, roleSlug, PatchValue.absent(), metadata),
				IfMatch.any());
	}

	/**
	 * Deletes the user's active membership of the organization.
	 * @return the membership as it was
	 * @throws ApiException 404 when the user has no active membership there
	 */
	@Transactional
	public Membership deleteOf(String userId, String organizationId) {
		Membership membership = activeOf(userId, organizationId);
		delete(membership.id(), IfMatch.any());
		return membership;
	}

	/** How many active members the organization has. */
	@Transactional(readOnly = true)
	public long countActive(String organizationId) {
		return this.memberships.countByOrganizationIdAndStatus(organizationId, Membership.ACTIVE);
	}

	/**
	 * A page of active memberships by offset (the Clerk wire) in {@code sort}'s order,
	 * ties by id in the same direction, and how many match in all. Filtering and sorting
	 * by the member's email and names reads {@code app_user} in the same statement (a
	 * join on its primary key), as {@link UserSearch} allows.
	 */
	@Transactional(readOnly = true)
	public OffsetPage listActiveByOffset(MembershipFilter filter, MembershipSort sort, boolean ascending, int limit,
			int offset) {
		StringBuilder where = new StringBuilder(
				" FROM organization_membership m JOIN app_user u ON u.id = m.user_id WHERE m.status = :status");
		Map<String, Object> params = new HashMap<>();
		params.put("status", Membership.ACTIVE);
		if (filter.organizationId() != null) {
			where.append(" AND m.organization_id = :organizationId");
			params.put("organizationId", filter.organizationId());
		}
		filter.userIds().appendTo(where, params, "m.user_id", "userIds");
		if (!filter.roleSlugs().isEmpty()) {
			where.append(" AND m.role_slug IN (:roleSlugs)");
			params.put("roleSlugs", filter.roleSlugs());
		}
		filter.users().appendTo(where, params, "u");
		Long total = this.jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
		params.put("limit", limit);
		params.put("offset", offset);
		List<String> ids = this.jdbc.queryForList(
				"SELECT m.id" + where + sort.orderBy(ascending, "m.id") + " LIMIT :limit OFFSET :offset", params,
				String.class);
		Map<String, Membership> byId = new HashMap<>();
		this.memberships.findAllById(ids).forEach((membership) -> byId.put(membership.id(), membership));
		return new OffsetPage(ids.stream().map(byId::get).filter(Objects::nonNull).toList(),
				(total != null) ? total : 0);
	}

	private Membership activeOf(String userId, String organizationId) {
		return findActive(userId, organizationId).orElseThrow(() -> ApiException
			.notFound("User '" + userId + "' has no membership of organization '" + organizationId + "'."));
	}

	/**
	 * As WorkOS does, creating a membership the user already has inactive reactivates it
	 * with the requested role; an active one is a conflict, and so is a pending one (an
	 * open invitation's: accepting or revoking it decides).
	 */
	private Membership reactivate(Membership membership, String role) {
		if (membership.isPending()) {
			throw ApiException.conflict("organization_membership_already_exists",
					"The user already has a pending membership of this organization, held by an open invitation;"
							+ " accept or revoke the invitation.");
		}
		if (membership.isActive()) {
			throw alreadyExists();
		}
		membership.reactivate(role, now());
		return membership;
	}

	/**
	 * A partial update under the row's lock: the role when given, the external id and the
	 * metadata classes sent.
	 */
	@Transactional
	Membership update(String id, MembershipChanges changes, IfMatch ifMatch) {
		if (changes.roleSlug() != null) {
			checkRole(changes.roleSlug());
		}
		Membership membership = locked(id, ifMatch);
		Instant now = now();
		if (changes.roleSlug() != null) {
			membership.changeRole(changes.roleSlug(), now);
		}
		changes.externalId().ifPresent((externalId) -> membership.changeExternalId(externalId, now));
		membership.updateMetadata(changes.metadata(), now);
		return this.events.published(ChangeEvent.MEMBERSHIP_UPDATED, save(membership));
	}

	/**
	 * Deactivates or reactivates. A pending membership changes only with its invitation:
	 * accepting it activates the membership, revoking it lets it go.
	 */
	@Transactional
	Membership changeStatus(String id, String status, IfMatch ifMatch) {
		Membership membership = locked(id, ifMatch);
		if (membership.isPending()) {
			throw ApiException.conflict("organization_membership_pending",
					"This membership belongs to an open invitation: accept or revoke the invitation instead.");
		}
		membership.changeStatus(status, now());
		return this.events.published(ChangeEvent.MEMBERSHIP_UPDATED, this.memberships.save(membership));
	}

	@Transactional
	void delete(String id, IfMatch ifMatch) {
		this.events.published(ChangeEvent.MEMBERSHIP_DELETED, locked(id, ifMatch));
		this.memberships.deleteById(id);
	}

	/**
	 * Makes the user an active member with the default role; a user who already is one
	 * stays as they are, an inactive membership is reactivated (Auth0's "add members" is
	 * idempotent).
	 * @throws ApiException 404 for an unknown user or organization
	 */
	@Transactional
	public Membership addMember(String userId, String organizationId) {
		Optional<Membership> existing = this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId);
		if (existing.isPresent() && existing.get().isActive()) {
			return existing.get();
		}
		return create(
				new MembershipChanges(userId, null, organizationId, null, PatchValue.absent(), MetadataChanges.none()));
	}

	/**
	 * Ends the user's membership of the organization, whatever its status.
	 * @return whether there was one
	 */
	@Transactional
	public boolean removeMember(String userId, String organizationId) {
		Optional<Membership> existing = this.memberships.findLockedByUserIdAndOrganizationId(userId, organizationId);
		existing.ifPresent((membership) -> {
			this.events.published(ChangeEvent.MEMBERSHIP_DELETED, membership);
			this.memberships.delete(membership);
		});
		return existing.isPresent();
	}

	@Transactional(readOnly = true)
	public Page list(String userId, String organizationId, String externalId, List<String> statuses,
			ListRequest request) {
		StringBuilder select = new StringBuilder("SELECT m.id FROM organization_membership m WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (userId != null) {
			select.append(" AND m.user_id = :userId");
			params.put("userId", userId);
		}
		if (organizationId != null) {
			select.append(" AND m.organization_id = :organizationId");
			params.put("organizationId", organizationId);
		}
		if (externalId != null) {
			select.append(" AND m.external_id = :externalId");
			params.put("externalId", externalId);
		}
		if (!statuses.isEmpty()) {
			select.append(" AND m.status IN (:statuses)");
			params.put("statuses", statuses);
		}
		CursorPager.IdPage page = this.pager.page(select.toString(), "m.id", params, request);
		Map<String, Membership> byId = new HashMap<>();
		this.memberships.findAllById(page.ids()).forEach((membership) -> byId.put(membership.id(), membership));
		List<Membership> found = new ArrayList<>(page.ids().stream().map(byId::get).filter(Objects::nonNull).toList());
		return new Page(found, page.before(), page.after());
	}

	private Membership save(Membership membership) {
		try {
			return this.memberships.save(membership);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.isViolationOf(ex, "organization_membership_org_external_id_key")) {
				throw ApiException.badRequest("external_id_already_used", "external_id",
						"A membership of this organization with external_id '" + membership.externalId()
								+ "' already exists.");
			}
			if (UniqueViolations.isViolationOf(ex, "organization_membership_user_org_key")) {
				throw alreadyExists();
			}
			// A user or organization deleted meanwhile: the foreign key caught it.
			throw ApiException.notFound("The user or organization no longer exists.");
		}
	}

	static ApiException alreadyExists() {
		return ApiException.conflict("organization_membership_already_exists",
				"The user already has an active membership of this organization.");
	}

	/** The membership under its row lock, at a version {@code ifMatch} accepts. */
	private Membership locked(String id, IfMatch ifMatch) {
		Membership membership = this.memberships.findLockedById(id)
			.orElseThrow(() -> ApiException.notFound("organization membership", id));
		ifMatch.check(membership.version());
		return membership;
	}

	void checkRole(String roleSlug) {
		if (!this.roles.isDefined(roleSlug)) {
			String message = "Role '" + roleSlug + "' is not defined; defined roles are "
					+ this.roles.definitions().keySet() + ".";
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_role", message,
					List.of(new ApiError.FieldError("role_slug", "invalid_role", message)));
		}
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

	/** One page of memberships with the cursors around it. */
	public record Page(List<Membership> memberships, String before, String after) {
	}

	/**
	 * What {@link #listActiveByOffset} filters on; an empty list, {@link IdFilter#NONE}
	 * or {@link UserSearch#NONE} filters nothing, several values match any of them.
	 *
	 * @param organizationId one organization's memberships, or null for any
	 * organization's
	 * @param userIds the members kept and left out, by user id
	 * @param roleSlugs memberships with any of these roles
	 * @param users the members' emails and the free-text query over them
	 */
	public record MembershipFilter(String organizationId, IdFilter userIds, List<String> roleSlugs, UserSearch users) {

		public MembershipFilter {
			roleSlugs = List.copyOf(roleSlugs);
		}

		/** One user's memberships. */
		public static MembershipFilter ofUser(String userId) {
			return new MembershipFilter(null, IdFilter.including(List.of(userId)), List.of(), UserSearch.NONE);
		}

	}

	/** One page of {@link #listActiveByOffset} and how many match in all. */
	public record OffsetPage(List<Membership> memberships, long totalCount) {
	}

}
