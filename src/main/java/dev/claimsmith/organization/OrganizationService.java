package dev.claimsmith.organization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.IdFilter;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.PatchValue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations: the module's public face. Reads return {@link Optional}; writes throw
 * {@link ApiException} for anything the contract answers with a 4xx.
 */
@Service
public class OrganizationService {

	private static final String SLUG_SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom random = new SecureRandom();

	private final Organizations organizations;

	private final CursorPager pager;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	OrganizationService(Organizations organizations, CursorPager pager, NamedParameterJdbcTemplate jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.organizations = organizations;
		this.pager = pager;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<Organization> find(String id) {
		return this.organizations.findById(id);
	}

	/** The ones of {@code ids} that exist, by id, in one query. */
	@Transactional(readOnly = true)
	public Map<String, Organization> findAll(Collection<String> ids) {
		Map<String, Organization> byId = new HashMap<>();
		this.organizations.findAllById(ids).forEach((found) -> byId.put(found.id(), found));
		return byId;
	}

	@Transactional(readOnly = true)
	Optional<Organization> findByExternalId(String externalId) {
		return this.organizations.findByExternalId(externalId);
	}

	@Transactional(readOnly = true)
	public Optional<Organization> findBySlug(String slug) {
		return this.organizations.findBySlug(slug);
	}

	@Transactional
	Organization create(OrganizationChanges request) {
		Instant now = Timestamps.now(this.clock);
		Organization organization = Organization.create(request.name().value(), uniqueSlug(request.name().value()),
				(request.domains().value() == null) ? List.of() : request.domains().value(),
				request.externalId().value(), request.metadata(), now);
		return published(ChangeEvent.ORGANIZATION_CREATED, save(organization));
	}

	/**
	 * Creates an organization without domains or external id (the Clerk wire's create).
	 * @param slug the client's slug, or null for one made from the name
	 * @throws ApiException 422 {@code slug_already_used} for a slug another organization
	 * has, or a slug that is not {@code [a-z0-9-]{1,64}}
	 */
	@Transactional
	public Organization create(String name, String slug, MetadataChanges metadata) {
		checkName(name);
		String chosen = (slug != null) ? checkedSlug(slug, null) : uniqueSlug(name);
		Instant now = Timestamps.now(this.clock);
		return published(ChangeEvent.ORGANIZATION_CREATED,
				save(Organization.create(name, chosen, List.of(), null, metadata, now)));
	}

	/**
	 * A partial update of name, slug and metadata classes under the row's lock (the Clerk
	 * wire's update); absent values stay as they are.
	 */
	@Transactional
	public Organization update(String id, PatchValue<String> name, PatchValue<String> slug, MetadataChanges metadata) {
		Organization organization = locked(id, IfMatch.any());
		Instant now = Timestamps.now(this.clock);
		name.ifPresent((value) -> {
			checkName(value);
			organization.rename(value, now);
		});
		slug.ifPresent((value) -> organization.changeSlug(checkedSlug(value, organization.id()), now));
		organization.updateMetadata(metadata, now);
		return published(ChangeEvent.ORGANIZATION_UPDATED, save(organization));
	}

	/**
	 * A page of organizations by offset (the Clerk wire's lists) in {@code sort}'s order,
	 * ties by id in the same direction, and how many match in all.
	 */
	@Transactional(readOnly = true)
	public OffsetPage listByOffset(OrganizationFilter filter, OrganizationSort sort, boolean ascending, int limit,
			int offset) {
		StringBuilder where = new StringBuilder(" FROM organization o WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filter.organizationIds().appendTo(where, params, "o.id", "organizationIds");
		String query = filter.query();
		if (query != null && !query.isBlank()) {
			where.append(
					" AND (LOWER(o.name) LIKE :query ESCAPE '!' OR o.slug LIKE :query ESCAPE '!' OR o.id = :exact)");
			params.put("query", "%" + likeEscaped(query.trim().toLowerCase(Locale.ROOT)) + "%");
			params.put("exact", query.trim());
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
		params.put("limit", limit);
		params.put("offset", offset);
		List<String> ids = this.jdbc.queryForList(
				"SELECT o.id" + where + sort.orderBy(ascending, "o.id") + " LIMIT :limit OFFSET :offset", params,
				String.class);
		return new OffsetPage(load(ids), (total != null) ? total : 0);
	}

	/** Deletes the organization and its memberships (the Clerk wire's delete). */
	@Transactional
	public void delete(String id) {
		delete(id, IfMatch.any());
	}

	/** Applies metadata changes under the row's lock (the Clerk wire's metadata). */
	@Transactional
	public Organization changeMetadata(String id, MetadataChanges changes) {
		return patchMetadata(id, changes, IfMatch.any());
	}

	/**
	 * Applies a partial update under the row's lock, so concurrent updates never lose a
	 * key.
	 */
	@Transactional
	Organization update(String id, OrganizationChanges changes, IfMatch ifMatch) {
		Organization organization = locked(id, ifMatch);
		Instant now = Timestamps.now(this.clock);
		changes.name().ifPresent((name) -> organization.rename(name, now));
		changes.externalId().ifPresent((externalId) -> organization.changeExternalId(externalId, now));
		changes.domains().ifPresent((domains) -> organization.replaceDomains(domains, now));
		organization.updateMetadata(changes.metadata(), now);
		return published(ChangeEvent.ORGANIZATION_UPDATED, save(organization));
	}

	/** Applies a merge patch of the metadata classes under the row's lock. */
	@Transactional
	Organization patchMetadata(String id, MetadataChanges changes, IfMatch ifMatch) {
		Organization organization = locked(id, ifMatch);
		organization.updateMetadata(changes, Timestamps.now(this.clock));
		return published(ChangeEvent.ORGANIZATION_UPDATED, save(organization));
	}

	/**
	 * Deletes the organization; its memberships go with it in the same statement (FK
	 * cascade).
	 */
	@Transactional
	public void delete(String id, IfMatch ifMatch) {
		published(ChangeEvent.ORGANIZATION_DELETED, locked(id, ifMatch));
		this.organizations.deleteById(id);
	}

	/**
	 * Creates an organization with a name and metadata classes only, for wires whose
	 * bodies differ from WorkOS's (they validate their own fields).
	 */
	@Transactional
	public Organization create(String name, MetadataChanges metadata) {
		return published(ChangeEvent.ORGANIZATION_CREATED, save(
				Organization.create(name, uniqueSlug(name), List.of(), null, metadata, Timestamps.now(this.clock))));
	}

	/** Renames (when {@code name} is present) and applies {@code metadata}, locked. */
	@Transactional
	public Organization update(String id, PatchValue<String> name, MetadataChanges metadata) {
		Organization organization = locked(id, IfMatch.any());
		Instant now = Timestamps.now(this.clock);
		name.ifPresent((value) -> organization.rename(value, now));
		organization.updateMetadata(metadata, now);
		return published(ChangeEvent.ORGANIZATION_UPDATED, save(organization));
	}

	/**
	 * Publishes the change for the events feed, inside the write's transaction (see
	 * {@link ChangeEvent}).
	 */
	private Organization published(String event, Organization organization) {
		this.events.publishEvent(new ChangeEvent(event, organization.id(), OrganizationResponse.of(organization)));
		return organization;
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.organizations.count();
	}

	/** The oldest organization with exactly this name, if any. */
	@Transactional(readOnly = true)
	public Optional<Organization> findByName(String name) {
		return this.organizations.findFirstByNameOrderByIdAsc(name);
	}

	@Transactional(readOnly = true)
	public Page list(List<String> domains, ListRequest request) {
		String select = "SELECT o.id FROM organization o WHERE 1 = 1";
		Map<String, Object> params = Map.of();
		if (!domains.isEmpty()) {
			select += " AND o.id IN (SELECT d.organization_id FROM organization_domain d WHERE d.domain IN (:domains))";
			params = Map.of("domains", domains);
		}
		CursorPager.IdPage page = this.pager.page(select, "o.id", params, request);
		return new Page(load(page.ids()), page.before(), page.after());
	}

	/** The organization under its row lock, at a version {@code ifMatch} accepts. */
	private Organization locked(String id, IfMatch ifMatch) {
		Organization organization = this.organizations.findLockedById(id)
			.orElseThrow(() -> ApiException.notFound("organization", id));
		ifMatch.check(organization.version());
		return organization;
	}

	private static void checkName(String name) {
		if (name == null || name.isBlank() || name.length() > OrganizationChanges.MAX_NAME_LENGTH) {
			throw ApiException.invalidParameter("name", "invalid_name",
					"name must be 1 to " + OrganizationChanges.MAX_NAME_LENGTH + " characters and not blank.");
		}
	}

	private String checkedSlug(String slug, String ownId) {
		if (!OrganizationSlugs.isValid(slug)) {
			throw ApiException.invalidParameter("slug", "invalid_slug",
					"slug must be 1 to " + OrganizationSlugs.MAX_LENGTH + " characters of a-z, 0-9 and '-'.");
		}
		this.organizations.findBySlug(slug).filter((other) -> !other.id().equals(ownId)).ifPresent((other) -> {
			throw slugTaken(slug);
		});
		return slug;
	}

	/**
	 * The name's slug, or it with a random suffix when taken; the unique index still
	 * decides a race.
	 */
	private String uniqueSlug(String name) {
		String base = OrganizationSlugs.fromName(name);
		String slug = base;
		while (this.organizations.existsBySlug(slug)) {
			StringBuilder suffix = new StringBuilder();
			for (int i = 0; i < 6; i++) {
				suffix.append(SLUG_SUFFIX_ALPHABET.charAt(random.nextInt(SLUG_SUFFIX_ALPHABET.length())));
			}
			slug = OrganizationSlugs.withSuffix(base, suffix.toString());
		}
		return slug;
	}

	private static ApiException slugTaken(String slug) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "slug_already_used",
				"An organization with slug '" + slug + "' already exists.", List.of(new ApiError.FieldError("slug",
						"slug_already_used", "An organization with slug '" + slug + "' already exists.")));
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private List<Organization> load(List<String> ids) {
		Map<String, Organization> byId = findAll(ids);
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private Organization save(Organization organization) {
		try {
			return this.organizations.save(organization);
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolations.isViolationOf(ex, "organization_external_id_key")) {
				throw ApiException.badRequest("external_id_already_used", "external_id",
						"An organization with external_id '" + organization.externalId() + "' already exists.");
			}
			if (UniqueViolations.isViolationOf(ex, "organization_slug_key")) {
				throw slugTaken(organization.slug());
			}
			throw ex;
		}
	}

	/** One page of organizations with the cursors around it. */
	public record Page(List<Organization> organizations, String before, String after) {
	}

	/**
	 * What {@link #listByOffset} filters on.
	 *
	 * @param organizationIds the organizations kept and left out, by id;
	 * {@link IdFilter#NONE} for all
	 * @param query part of the name or slug, case-insensitively, or exactly the id; null
	 * or blank for none
	 */
	public record OrganizationFilter(IdFilter organizationIds, String query) {
	}

	/** One page of {@link #listByOffset} and how many match in all. */
	public record OffsetPage(List<Organization> organizations, long totalCount) {
	}

}
