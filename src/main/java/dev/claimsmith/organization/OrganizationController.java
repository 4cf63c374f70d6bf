package dev.claimsmith.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The WorkOS-compatible Organizations API. */
@RestController
@RequestMapping(path = "/organizations", produces = "application/json")
class OrganizationController {

	private final OrganizationService organizations;

	OrganizationController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OrganizationResponse create(@RequestBody JsonNode body) {
		return OrganizationResponse.of(this.organizations.create(OrganizationChanges.forCreate(body)));
	}

	@GetMapping("/{id}")
	OrganizationResponse get(@PathVariable String id) {
		return this.organizations.find(id)
			.map(OrganizationResponse::of)
			.orElseThrow(() -> ApiException.notFound("organization", id));
	}

	@GetMapping("/external_id/{externalId}")
	OrganizationResponse getByExternalId(@PathVariable String externalId) {
		return this.organizations.findByExternalId(externalId)
			.map(OrganizationResponse::of)
			.orElseThrow(
					() -> ApiException.notFound("Could not find organization with external_id '" + externalId + "'."));
	}

	@PutMapping("/{id}")
	OrganizationResponse update(@PathVariable String id, @RequestBody JsonNode body) {
		return OrganizationResponse.of(this.organizations.update(id, OrganizationChanges.forUpdate(body)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.organizations.delete(id);
		return ResponseEntity.accepted().build();
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
