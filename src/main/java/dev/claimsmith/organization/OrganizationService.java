package dev.claimsmith.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.claimsmith.events.ChangeEvent;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.store.UniqueViolations;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations: the module's public face. Reads return {@link Optional}; writes throw
 * {@link ApiException} for anything the contract answers with a 4xx.
 */
@Service
public class OrganizationService {

	private final Organizations organizations;

	private final CursorPager pager;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	OrganizationService(Organizations organizations, CursorPager pager, Clock clock, ApplicationEventPublisher events) {
		this.organizations = organizations;
		this.pager = pager;
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

	@Transactional
	Organization create(OrganizationChanges request) {
		Instant now = Timestamps.now(this.clock);
		Organization organization = Organization.create(request.name().value(),
				(request.domains().value() == null) ? List.of() : request.domains().value(),
				request.externalId().value(), request.metadata(), now);
		return published(ChangeEvent.ORGANIZATION_CREATED, save(organization));
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
	void delete(String id, IfMatch ifMatch) {
		published(ChangeEvent.ORGANIZATION_DELETED, locked(id, ifMatch));
		this.organizations.deleteById(id);
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
	Page list(List<String> domains, ListRequest request) {
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
			throw ex;
		}
	}

	record Page(List<Organization> organizations, String before, String after) {
	}

}
