package dev.claimsmith.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.IdFilter;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: the module's public face. Reads return {@link Optional}; writes throw
 * {@link ApiException} for anything the contract answers with a 4xx.
 */
@Service
public class UserService {

	/** Candidates of a metadata search read at a time. */
	private static final int SEARCH_BATCH = 500;

	private final Users users;

	private final PasswordHasher passwordHasher;

	private final CursorPager pager;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	UserService(Users users, PasswordHasher passwordHasher, CursorPager pager, Clock clock, JdbcClient jdbc,
			ApplicationEventPublisher events) {
		this.users = users;
		this.passwordHasher = passwordHasher;
		this.pager = pager;
		this.clock = clock;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<User> find(String id) {
		return this.users.findById(id);
	}

	/** The ones of {@code ids} that exist, by id, in one query. */
	@Transactional(readOnly = true)
	public Map<String, User> findAll(Collection<String> ids) {
		Map<String, User> byId = new HashMap<>();
		this.users.findAllById(ids).forEach((found) -> byId.put(found.id(), found));
		return byId;
	}

	@Transactional(readOnly = true)
	Optional<User> findByExternalId(String externalId) {
		return this.users.findByExternalId(externalId);
	}

	/**
	 * The user with this email and password, or empty. Takes the same time whether the
	 * email is unknown, has no password, or the password is wrong.
	 */
	@Transactional(readOnly = true)
	public Optional<User> findByCredentials(String email, String password) {
		Optional<User> user = this.users.findByEmailKey(User.emailKey(email));
		String hash = user.map(User::passwordHash).orElse(null);
		boolean matches = this.passwordHasher.matches(password, hash);
		return matches ? user : Optional.empty();
	}

	@Transactional
	public void recordSignIn(String id) {
		this.users.findLockedById(id).ifPresent((user) -> {
			user.signedIn(Timestamps.now(this.clock));
			this.users.save(user);
		});
	}

	/**
	 * Creates a user; joins the caller's transaction, so a caller that creates more in
	 * the same transaction gets all or nothing.
	 * @throws ApiException 400 {@code email_not_available} or
	 * {@code external_id_already_used}
	 */
	@Transactional
	public User create(UserChanges request) {
		// Hash outside the row lock: it is the slow part, and touches no stored state.
		String passwordHash = request.password().map(this.passwordHasher::hash).orElse(null);
		Instant now = Timestamps.now(this.clock);
		User user = User.create(request.email().orElseThrow(), now);
		apply(user, request, passwordHash, now);
		return published(ChangeEvent.USER_CREATED, save(user));
	}

	/**
	 * Creates a user with this email who signs in with this password, or with no password
	 * when it is null (an invitation accepted by someone with no account yet).
	 * @throws ApiException 422 for an invalid email or a password out of bounds, 400
	 * {@code email_not_available}
	 */
	@Transactional
	public User createWithPassword(String email, String password) {
		return create(UserChanges.withPassword(email, password));
	}

	/** The user with this email (compared case-insensitively), if any. */
	@Transactional(readOnly = true)
	public Optional<User> findByEmail(String email) {
		return this.users.findByEmailKey(User.emailKey(email));
	}

	/**
	 * Applies a partial update under the row's lock, so concurrent updates never lose a
	 * key.
	 */
	@Transactional
	public User update(String id, UserChanges changes, IfMatch ifMatch) {
		String passwordHash = changes.password().map(this.passwordHasher::hash).orElse(null);
		User user = locked(id, ifMatch);
		Instant now = Timestamps.now(this.clock);
		changes.email().ifPresent((email) -> user.changeEmail(email, now));
		apply(user, changes, passwordHash, now);
		return published(ChangeEvent.USER_UPDATED, save(user));
	}

	/** A partial update (the Clerk wire's {@code PATCH /users/{id}}). */
	@Transactional
	public User update(String id, UserChanges changes) {
		return update(id, changes, IfMatch.any());
	}

	/** Deletes the user with memberships and sessions (the Clerk wire's delete). */
	@Transactional
	public void delete(String id) {
		delete(id, IfMatch.any());
	}

	/**
	 * A page of users by offset (the Clerk wire's {@code GET /users}) in {@code sort}'s
	 * order, ties by id in the same direction, and how many match in all. Same named
	 * exception to module boundaries as {@link #list}, for the organization filter.
	 */
	@Transactional(readOnly = true)
	public OffsetPage listByOffset(UserFilter filter, UserSort sort, boolean ascending, int limit, int offset) {
		StringBuilder where = new StringBuilder(" FROM app_user u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filter.users().appendTo(where, params, "u");
		filter.externalIds().appendTo(where, params, "u.external_id", "externalIds");
		filter.userIds().appendTo(where, params, "u.id", "userIds");
		String members = "u.id %s (SELECT m.user_id FROM organization_membership m"
				+ " WHERE m.organization_id IN (:%s) AND m.status = 'active')";
		if (!filter.organizationIds().included().isEmpty()) {
			where.append(" AND ").append(members.formatted("IN", "organizationIdsIn"));
			params.put("organizationIdsIn", filter.organizationIds().included());
		}
		if (!filter.organizationIds().excluded().isEmpty()) {
			where.append(" AND ").append(members.formatted("NOT IN", "organizationIdsOut"));
			params.put("organizationIdsOut", filter.organizationIds().excluded());
		}
		Long total = this.jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		params.put("limit", limit);
		params.put("offset", offset);
		List<String> ids = this.jdbc
			.sql("SELECT u.id" + where + sort.orderBy(ascending, "u.id") + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(String.class)
			.list();
		return new OffsetPage(ordered(ids), (total != null) ? total : 0);
	}

	private void apply(User user, UserChanges changes, String passwordHash, Instant now) {
		if (passwordHash != null) {
			user.changePasswordHash(passwordHash, now);
		}
		changes.firstName().ifPresent((first) -> user.rename(first, user.lastName(), now));
		changes.lastName().ifPresent((last) -> user.rename(user.firstName(), last, now));
		changes.emailVerified().ifPresent((verified) -> user.verifyEmail(verified, now));
		changes.externalId().ifPresent((externalId) -> user.changeExternalId(externalId, now));
		user.updateMetadata(changes.metadata(), now);
	}

	/**
	 * Applies a merge patch of the metadata classes under the row's lock; also the
	 * signed-in user's own write of {@code unsafe_metadata} through {@code PATCH /me}.
	 */
	@Transactional
	public User patchMetadata(String id, MetadataChanges changes, IfMatch ifMatch) {
		User user = locked(id, ifMatch);
		user.updateMetadata(changes, Timestamps.now(this.clock));
		return published(ChangeEvent.USER_UPDATED, save(user));
	}

	/**
	 * Deletes the user; memberships and sessions go with it in one statement (FK
	 * cascade).
	 */
	@Transactional
	public void delete(String id, IfMatch ifMatch) {
		published(ChangeEvent.USER_DELETED, locked(id, ifMatch));
		this.users.deleteById(id);
	}

	/**
	 * Publishes the change for the events feed, inside the write's transaction (see
	 * {@link ChangeEvent}).
	 */
	private User published(String event, User user) {
		this.events.publishEvent(new ChangeEvent(event, null, UserResponse.of(user)));
		return user;
	}

	/** The user under its row lock, at a version {@code ifMatch} accepts. */
	private User locked(String id, IfMatch ifMatch) {
		User user = this.users.findLockedById(id).orElseThrow(() -> ApiException.notFound("user", id));
		ifMatch.check(user.version());
		return user;
	}

	/**
	 * One page of users, optionally of one organization. A named exception to module
	 * boundaries, like {@code token/MintSubjects}: the organization filter reads the
	 * membership table in the page's id query, since membership refers to users and a
	 * call back into it would be a cycle; {@code UserApiTest} pins the two together.
	 */
	@Transactional(readOnly = true)
	Page list(String email, String organizationId, ListRequest request) {
		StringBuilder select = new StringBuilder("SELECT u.id FROM app_user u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (email != null) {
			select.append(" AND u.email_key = :emailKey");
			params.put("emailKey", User.emailKey(email));
		}
		if (organizationId != null) {
			select.append(" AND u.id IN (SELECT m.user_id FROM organization_membership m"
					+ " WHERE m.organization_id = :organizationId)");
			params.put("organizationId", organizationId);
		}
		CursorPager.IdPage page = this.pager.page(select.toString(), "u.id", params, request);
		List<User> users = ordered(page.ids());
		return new Page(users, page.before(), page.after());
	}

	/**
	 * Users by offset, for wires that page by number (Auth0's {@code page}/
	 * {@code per_page}), oldest first, with the total. A search on
	 * {@code public_metadata} reads candidates through a pre-filter in portable SQL
	 * ({@link PublicMetadataSearch}) in batches, checks each exactly, and stops at
	 * {@code maxMatches} matches, as Auth0's search does.
	 */
	@Transactional(readOnly = true)
	public Search search(UserMatch search, int offset, int limit, int maxMatches) {
		StringBuilder where = new StringBuilder(" FROM app_user u WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		UserMatch.Term email = search.email();
		if (email != null && email.prefix()) {
			where.append(" AND u.email_key LIKE :emailPrefix ESCAPE '!'");
			params.put("emailPrefix", PublicMetadataSearch.likeEscaped(User.emailKey(email.text())) + "%");
		}
		else if (email != null) {
			where.append(" AND u.email_key = :emailKey");
			params.put("emailKey", User.emailKey(email.text()));
		}
		if (search.publicMetadata().isEmpty()) {
			long total = this.jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
			List<String> ids = this.jdbc
				.sql("SELECT u.id" + where + " ORDER BY u.id LIMIT " + limit + " OFFSET " + offset)
				.params(params)
				.query(String.class)
				.list();
			return new Search(ordered(ids), total);
		}
		PublicMetadataSearch.appendPreFilter(where, params, "u.public_metadata", search.publicMetadata());
		List<User> matches = new ArrayList<>();
		String after = "";
		List<String> candidates;
		do {
			candidates = this.jdbc.sql("SELECT u.id" + where + " AND u.id > :after ORDER BY u.id LIMIT " + SEARCH_BATCH)
				.params(params)
				.param("after", after)
				.query(String.class)
				.list();
			for (User user : ordered(candidates)) {
				if (matches.size() < maxMatches
						&& PublicMetadataSearch.matches(user.publicMetadata().json(), search.publicMetadata())) {
					matches.add(user);
				}
			}
			after = candidates.isEmpty() ? after : candidates.get(candidates.size() - 1);
		}
		while (candidates.size() == SEARCH_BATCH && matches.size() < maxMatches);
		int from = Math.min(offset, matches.size());
		return new Search(matches.subList(from, Math.min(matches.size(), from + limit)), matches.size());
	}

	/** The users of {@code ids}, in that order, leaving out any deleted meanwhile. */
	private List<User> ordered(List<String> ids) {
		Map<String, User> byId = findAll(ids);
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private User save(User user) {
		try {
			return this.users.save(user);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.isViolationOf(ex, "app_user_email_key")) {
				throw ApiException.badRequest("email_not_available", "email",
						"A user with email '" + user.email() + "' already exists.");
			}
			if (UniqueViolations.isViolationOf(ex, "app_user_external_id_key")) {
				throw ApiException.badRequest("external_id_already_used", "external_id",
						"A user with external_id '" + user.externalId() + "' already exists.");
			}
			throw ex;
		}
	}

	record Page(List<User> users, String before, String after) {
	}

	/** One page of a {@link #search} and the number of all its matches. */
	public record Search(List<User> users, long total) {
	}

	/** One page of {@link #listByOffset} and how many match in all. */
	public record OffsetPage(List<User> users, long totalCount) {
	}

	/**
	 * What {@link #listByOffset} filters on; {@link UserSearch#NONE} or
	 * {@link IdFilter#NONE} filters nothing, several values match any of them.
	 *
	 * @param users the users' emails and the free-text query
	 * @param organizationIds users with an active membership of any of the included
	 * organizations and of none of the excluded ones
	 */
	public record UserFilter(UserSearch users, IdFilter externalIds, IdFilter userIds, IdFilter organizationIds) {
	}

}
