package dev.claimsmith.membership;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserResponse;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import dev.claimsmith.web.SecretBody;
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

/** The WorkOS-compatible organization memberships API. */
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
	@ResponseStatus(HttpStatus.CREATED)
	MembershipResponse create(@RequestBody SecretBody body) {
		return describe(this.memberships.create(MembershipChanges.forCreate(body.json())));
	}

	@GetMapping("/{id}")
	MembershipResponse get(@PathVariable String id) {
		return describe(
				this.memberships.find(id).orElseThrow(() -> ApiException.notFound("organization membership", id)));
	}

	@PutMapping("/{id}")
	MembershipResponse update(@PathVariable String id, @RequestBody JsonNode body) {
		return describe(this.memberships.update(id, MembershipChanges.forUpdate(body)));
	}

	@PutMapping("/{id}/deactivate")
	MembershipResponse deactivate(@PathVariable String id) {
		return describe(this.memberships.changeStatus(id, Membership.INACTIVE));
	}

	@PutMapping("/{id}/reactivate")
	MembershipResponse reactivate(@PathVariable String id) {
		return describe(this.memberships.changeStatus(id, Membership.ACTIVE));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.memberships.delete(id);
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
