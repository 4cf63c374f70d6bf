package dev.claimsmith.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WorkOS-compatible Organizations API. Every single organization answers with its
 * {@code ETag}; writes honour {@code If-Match} ({@link IfMatch}).
 */
@RestController
@RequestMapping(path = "/organizations", produces = "application/json")
class OrganizationController {

	private final OrganizationService organizations;

	OrganizationController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	ResponseEntity<OrganizationResponse> create(@RequestBody JsonNode body) {
		Organization created = this.organizations.create(OrganizationChanges.forCreate(body));
		return IfMatch.created(OrganizationResponse.of(created), created.version());
	}

	@GetMapping("/{id}")
	ResponseEntity<OrganizationResponse> get(@PathVariable String id) {
		return this.organizations.find(id)
			.map(OrganizationController::answer)
			.orElseThrow(() -> ApiException.notFound("organization", id));
	}

	@GetMapping("/external_id/{externalId}")
	ResponseEntity<OrganizationResponse> getByExternalId(@PathVariable String externalId) {
		return this.organizations.findByExternalId(externalId)
			.map(OrganizationController::answer)
			.orElseThrow(
					() -> ApiException.notFound("Could not find organization with external_id '" + externalId + "'."));
	}

	@PutMapping("/{id}")
	ResponseEntity<OrganizationResponse> update(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		return answer(this.organizations.update(id, OrganizationChanges.forUpdate(body), IfMatch.of(ifMatch)));
	}

	/** RFC 7396 merge patch of the metadata classes (API.md "Metadata classes"). */
	@PatchMapping(path = "/{id}/metadata", consumes = MetadataChanges.MERGE_PATCH_JSON)
	ResponseEntity<OrganizationResponse> patchMetadata(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		MetadataChanges changes = MetadataChanges.fromMergePatch(body, Organization.METADATA_CLASSES);
		return answer(this.organizations.patchMetadata(id, changes, IfMatch.of(ifMatch)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		this.organizations.delete(id, IfMatch.of(ifMatch));
		return ResponseEntity.accepted().build();
	}

	private static ResponseEntity<OrganizationResponse> answer(Organization organization) {
		return IfMatch.ok(OrganizationResponse.of(organization), organization.version());
	}

	@GetMapping
	ListResponse<OrganizationResponse> list(@RequestParam(required = false) List<String> domains,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String before,
			@RequestParam(required = false) String after, @RequestParam(required = false) String order) {
		ListRequest request = ListRequest.of(limit, before, after, order);
		List<String> domainNames = (domains != null) ? domains.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map((domain) -> domain.trim().toLowerCase(Locale.ROOT))
			.filter((domain) -> !domain.isEmpty())
			.limit(OrganizationChanges.MAX_DOMAINS)
			.toList() : List.of();
		OrganizationService.Page page = this.organizations.list(domainNames, request);
		return new ListResponse<>(page.organizations().stream().map(OrganizationResponse::of).toList(),
				new ListResponse.ListMetadata(page.before(), page.after()));
	}

}
