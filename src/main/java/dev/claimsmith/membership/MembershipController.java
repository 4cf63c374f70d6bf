package dev.claimsmith.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserResponse;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import dev.claimsmith.web.SecretBody;
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
 * The WorkOS-compatible organization memberships API. Every single membership answers
 * with its {@code ETag}; writes honour {@code If-Match} ({@link IfMatch}).
 */
@RestController
@RequestMapping(path = "/user_management/organization_memberships", produces = "application/json")
class MembershipController {

	private static final Set<String> LISTABLE_STATUSES = Set.of(Membership.ACTIVE, Membership.INACTIVE,
			Membership.PENDING);

	private final MembershipService memberships;

	private final UserService users;

	private final OrganizationService organizations;

	MembershipController(MembershipService memberships, UserService users, OrganizationService organizations) {
		this.memberships = memberships;
		this.users = users;
		this.organizations = organizations;
	}

	/**
	 * The body may carry a new user's password, so it is read as a {@link SecretBody}.
	 */
	@PostMapping
	ResponseEntity<MembershipResponse> create(@RequestBody SecretBody body) {
		Membership created = this.memberships.create(MembershipChanges.forCreate(body.json()));
		return IfMatch.created(describe(created), created.version());
	}

	@GetMapping("/{id}")
	ResponseEntity<MembershipResponse> get(@PathVariable String id) {
		return answer(
				this.memberships.find(id).orElseThrow(() -> ApiException.notFound("organization membership", id)));
	}

	/**
	 * Partial: the role when given, the external id and the metadata classes sent;
	 * nothing else changes.
	 */
	@PutMapping("/{id}")
	ResponseEntity<MembershipResponse> update(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		return answer(this.memberships.update(id, MembershipChanges.forUpdate(body), IfMatch.of(ifMatch)));
	}

	/** RFC 7396 merge patch of the metadata classes (API.md "Metadata classes"). */
	@PatchMapping(path = "/{id}/metadata", consumes = MetadataChanges.MERGE_PATCH_JSON)
	ResponseEntity<MembershipResponse> patchMetadata(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		MetadataChanges metadata = MetadataChanges.fromMergePatch(body, Membership.METADATA_CLASSES);
		return answer(this.memberships.update(id, MembershipChanges.ofMetadata(metadata), IfMatch.of(ifMatch)));
	}

	@PutMapping("/{id}/deactivate")
	ResponseEntity<MembershipResponse> deactivate(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return answer(this.memberships.changeStatus(id, Membership.INACTIVE, IfMatch.of(ifMatch)));
	}

	@PutMapping("/{id}/reactivate")
	ResponseEntity<MembershipResponse> reactivate(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return answer(this.memberships.changeStatus(id, Membership.ACTIVE, IfMatch.of(ifMatch)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		this.memberships.delete(id, IfMatch.of(ifMatch));
		return ResponseEntity.ok().build();
	}

	@GetMapping
	ListResponse<MembershipResponse> list(@RequestParam(name = "user_id", required = false) String userId,
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(name = "external_id", required = false) String externalId,
			@RequestParam(required = false) List<String> statuses, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String before, @RequestParam(required = false) String after,
			@RequestParam(required = false) String order) {
		ListRequest request = ListRequest.of(limit, before, after, order);
		if (isBlank(userId) && isBlank(organizationId)) {
			throw ApiException.invalidParameter("user_id", "required",
					"Either user_id or organization_id is required.");
		}
		if (!isBlank(externalId) && isBlank(organizationId)) {
			// An external id is unique only within its organization.
			throw ApiException.invalidParameter("external_id", "organization_id_required",
					"external_id can only be used together with organization_id.");
		}
		List<String> statusList = (statuses != null) ? statuses.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.filter((status) -> !status.isEmpty())
			.toList() : List.of();
		for (String status : statusList) {
			if (!LISTABLE_STATUSES.contains(status)) {
				throw ApiException.invalidParameter("statuses", "invalid_status",
						"statuses may contain only active, inactive and pending.");
			}
		}
		if (statusList.isEmpty()) {
			// WorkOS lists only active memberships unless asked for others.
			statusList = List.of(Membership.ACTIVE);
		}
		MembershipService.Page page = this.memberships.list(isBlank(userId) ? null : userId,
				isBlank(organizationId) ? null : organizationId, isBlank(externalId) ? null : externalId, statusList,
				request);
		return new ListResponse<>(describe(page.memberships()),
				new ListResponse.ListMetadata(page.before(), page.after()));
	}

	private ResponseEntity<MembershipResponse> answer(Membership membership) {
		return IfMatch.ok(describe(membership), membership.version());
	}

	private MembershipResponse describe(Membership membership) {
		return describe(List.of(membership)).get(0);
	}

	/** Joins users and organization names in two queries, however long the page. */
	private List<MembershipResponse> describe(List<Membership> page) {
		Map<String, User> users = this.users
			.findAll(page.stream().map(Membership::userId).filter(Objects::nonNull).distinct().toList());
		Map<String, Organization> organizations = this.organizations
			.findAll(page.stream().map(Membership::organizationId).distinct().toList());
		return page.stream().map((membership) -> {
			User user = (membership.userId() != null) ? users.get(membership.userId()) : null;
			Organization organization = organizations.get(membership.organizationId());
			return MembershipResponse.of(membership, (user != null) ? UserResponse.of(user) : null,
					(organization != null) ? organization.name() : null);
		}).toList();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
