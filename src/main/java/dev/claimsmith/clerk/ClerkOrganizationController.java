package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.organization.OrganizationSort;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerk's organizations ({@code /clerk/v1/organizations}), over the store the WorkOS wire
 * uses: an organization created here is the one {@code GET /organizations/{id}} returns.
 */
@RestController
@RequestMapping(path = "/clerk/v1/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
class ClerkOrganizationController {

	private static final MetadataClass[] CLASSES = { MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA };

	/**
	 * The fields Clerk orders organizations by; {@code members_count} counts active
	 * members.
	 */
	private static final Map<String, OrganizationSort> ORDER_FIELDS = Map.of("created_at", OrganizationSort.CREATED_AT,
			"name", OrganizationSort.NAME, "members_count", OrganizationSort.MEMBERS_COUNT);

	private final ClerkOrganizations clerkOrganizations;

	private final OrganizationService organizations;

	ClerkOrganizationController(ClerkOrganizations clerkOrganizations, OrganizationService organizations) {
		this.clerkOrganizations = clerkOrganizations;
		this.organizations = organizations;
	}

	@GetMapping
	ClerkList<ClerkOrganization> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset,
			@RequestParam(name = "order_by", required = false) List<String> orderBy,
			@RequestParam(required = false) String query,
			@RequestParam(name = "organization_id", required = false) List<String> organizationIds,
			@RequestParam(name = "include_members_count", required = false) Boolean includeMembersCount) {
		ClerkPaging paging = ClerkPaging.of(limit, offset);
		ClerkOrder<OrganizationSort> order = ClerkOrder.of(orderBy, ORDER_FIELDS);
		OrganizationService.OrganizationFilter filter = new OrganizationService.OrganizationFilter(
				ClerkFilters.ids("organization_id", organizationIds), query);
		OrganizationService.OffsetPage page = this.organizations.listByOffset(filter, order.sort(), order.ascending(),
				paging.limit(), paging.offset());
		return new ClerkList<>(page.organizations()
			.stream()
			.map((organization) -> response(organization, Boolean.TRUE.equals(includeMembersCount)))
			.toList(), page.totalCount());
	}

	@PostMapping
	ClerkOrganization create(@RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		String name = body.requiredString("name", 255);
		String slug = body.string("slug", 64).value();
		String createdBy = body.string("created_by", 64).value();
		body.nonNegativeInteger("max_allowed_memberships");
		MetadataChanges metadata = body.metadata(false, CLASSES);
		return response(this.clerkOrganizations.create(name, slug, createdBy, metadata), false);
	}

	@GetMapping("/{idOrSlug}")
	ClerkOrganization get(@PathVariable String idOrSlug,
			@RequestParam(name = "include_members_count", required = false) Boolean includeMembersCount) {
		return response(this.clerkOrganizations.find(idOrSlug), Boolean.TRUE.equals(includeMembersCount));
	}

	/** Name and slug; metadata classes sent here replace the stored ones, as in Clerk. */
	@PatchMapping("/{idOrSlug}")
	ClerkOrganization update(@PathVariable String idOrSlug, @RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		PatchValue<String> name = body.string("name", 255);
		if (name.present() && name.value() == null) {
			throw ClerkException.invalidParam("name", "name cannot be null.");
		}
		PatchValue<String> slug = body.string("slug", 64);
		if (slug.present() && slug.value() == null) {
			throw ClerkException.invalidParam("slug", "slug cannot be null.");
		}
		body.nonNegativeInteger("max_allowed_memberships");
		body.bool("admin_delete_enabled");
		MetadataChanges metadata = body.metadata(false, CLASSES);
		Organization organization = this.clerkOrganizations.find(idOrSlug);
		return response(this.organizations.update(organization.id(), name, slug, metadata), false);
	}

	@DeleteMapping("/{idOrSlug}")
	ClerkDeleted delete(@PathVariable String idOrSlug) {
		Organization organization = this.clerkOrganizations.find(idOrSlug);
		this.organizations.delete(organization.id());
		return ClerkDeleted.of("organization", organization.id());
	}

	/** Deep merge (RFC 7396): nested objects merge, {@code null} deletes at any depth. */
	@PatchMapping("/{id}/metadata")
	ClerkOrganization mergeMetadata(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		return changeMetadata(id, ClerkBody.of(json).metadata(true, CLASSES));
	}

	/** Each class sent replaces the stored one whole; a class not sent stays. */
	@PutMapping("/{id}/metadata")
	ClerkOrganization replaceMetadata(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		return changeMetadata(id, ClerkBody.of(json).metadata(false, CLASSES));
	}

	private ClerkOrganization changeMetadata(String idOrSlug, MetadataChanges metadata) {
		Organization organization = this.clerkOrganizations.find(idOrSlug);
		return response(this.organizations.changeMetadata(organization.id(), metadata), false);
	}

	private ClerkOrganization response(Organization organization, boolean withMembersCount) {
		Long count = withMembersCount ? this.clerkOrganizations.membersCount(organization.id()) : null;
		return ClerkOrganization.of(organization, count);
	}

}
