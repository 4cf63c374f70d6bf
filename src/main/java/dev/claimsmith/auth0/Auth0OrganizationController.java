package dev.claimsmith.auth0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auth0's {@code /api/v2/organizations} and their members over Claimsmith's organizations
 * and memberships. Lists page by checkpoint ({@code from}, {@code take} → {@code {…,
 * "next"}}) when either is given, else by {@code page}/{@code per_page}, with
 * {@code include_totals} as Auth0 shapes it.
 */
@RestController
@RequestMapping(path = "/api/v2/organizations", produces = "application/json")
class Auth0OrganizationController {

	static final int MAX_TAKE = 100;

	/** Auth0 adds at most this many members per request. */
	static final int MAX_MEMBERS_PER_REQUEST = 10;

	private final OrganizationService organizations;

	private final MembershipService memberships;

	private final UserService users;

	Auth0OrganizationController(OrganizationService organizations, MembershipService memberships, UserService users) {
		this.organizations = organizations;
		this.memberships = memberships;
		this.users = users;
	}

	@GetMapping
	Object list(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "take", required = false) Integer take,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(name = "include_totals", defaultValue = "false") boolean includeTotals) {
		if (from != null || take != null) {
			int size = checkedTake(take);
			OrganizationService.Page found = this.organizations.list(List.of(),
					new ListRequest(size, null, emptyToNull(from), true));
			return checkpoint("organizations", found.organizations().stream().map(Auth0Organization::of).toList(),
					found.after());
		}
		checkPage(page, perPage);
		List<Organization> found = offsetPage(page, perPage);
		List<Auth0Organization> shown = found.stream().map(Auth0Organization::of).toList();
		if (!includeTotals) {
			return shown;
		}
		return totals("organizations", shown, page, perPage, this.organizations.count());
	}

	@PostMapping
	ResponseEntity<Auth0Organization> create(@RequestBody JsonNode body) {
		Auth0OrganizationRequests.Request request = Auth0OrganizationRequests.forCreate(body);
		if (this.organizations.findByName(request.name().value()).isPresent()) {
			throw new Auth0Exception(HttpStatus.CONFLICT, "organization_conflict",
					"An organization with this name already exists.");
		}
		Organization created = this.organizations.create(request.name().value(), request.metadata());
		return ResponseEntity.status(HttpStatus.CREATED).body(Auth0Organization.of(created));
	}

	@GetMapping("/{id}")
	Auth0Organization get(@PathVariable String id) {
		return Auth0Organization.of(find(id));
	}

	@GetMapping("/name/{name}")
	Auth0Organization byName(@PathVariable String name) {
		return Auth0Organization
			.of(this.organizations.findByName(name).orElseThrow(Auth0Exception::organizationNotFound));
	}

	@PatchMapping("/{id}")
	Auth0Organization update(@PathVariable String id, @RequestBody JsonNode body) {
		Auth0OrganizationRequests.Request request = Auth0OrganizationRequests.forUpdate(body);
		Organization current = find(id);
		if (!request.name().present()) {
			Auth0OrganizationRequests.checkDisplayName(request.displayName(), current.name());
		}
		else {
			this.organizations.findByName(request.name().value())
				.filter((other) -> !other.id().equals(id))
				.ifPresent((other) -> {
					throw new Auth0Exception(HttpStatus.CONFLICT, "organization_conflict",
							"An organization with this name already exists.");
				});
		}
		return Auth0Organization.of(this.organizations.update(id, request.name(), request.metadata()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		find(id);
		this.organizations.delete(id, IfMatch.any());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/members")
	Object members(@PathVariable String id, @RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "take", required = false) Integer take,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(name = "include_totals", defaultValue = "false") boolean includeTotals) {
		find(id);
		if (from != null || take != null) {
			MembershipService.Page found = activeMembers(id,
					new ListRequest(checkedTake(take), null, emptyToNull(from), true));
			return checkpoint("members", shownMembers(found.memberships()), found.after());
		}
		checkPage(page, perPage);
		List<Membership> all = new ArrayList<>();
		String after = null;
		do {
			MembershipService.Page found = activeMembers(id, new ListRequest(MAX_TAKE, null, after, true));
			all.addAll(found.memberships());
			after = found.after();
		}
		while (after != null && (includeTotals || all.size() < (page + 1) * perPage));
		int start = Math.min(all.size(), page * perPage);
		List<Auth0Member> shown = shownMembers(all.subList(start, Math.min(all.size(), start + perPage)));
		if (!includeTotals) {
			return shown;
		}
		return totals("members", shown, page, perPage, all.size());
	}

	@PostMapping("/{id}/members")
	ResponseEntity<Void> addMembers(@PathVariable String id, @RequestBody JsonNode body) {
		List<String> userIds = memberIds(body);
		find(id);
		Map<String, User> found = this.users.findAll(userIds);
		for (String userId : userIds) {
			if (!found.containsKey(userId)) {
				throw new Auth0Exception(HttpStatus.BAD_REQUEST, "invalid_body",
						"User '" + abbreviate(userId) + "' does not exist; no member was added.");
			}
		}
		userIds.forEach((userId) -> this.memberships.addMember(userId, id));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/members")
	ResponseEntity<Void> removeMembers(@PathVariable String id, @RequestBody JsonNode body) {
		List<String> userIds = memberIds(body);
		find(id);
		userIds.forEach((userId) -> this.memberships.removeMember(userId, id));
		return ResponseEntity.noContent().build();
	}

	private MembershipService.Page activeMembers(String organizationId, ListRequest request) {
		return this.memberships.list(null, organizationId, null, List.of(Membership.ACTIVE), request);
	}

	private List<Auth0Member> shownMembers(List<Membership> memberships) {
		Map<String, User> byId = this.users.findAll(memberships.stream().map(Membership::userId).toList());
		return memberships.stream()
			.map((membership) -> byId.get(membership.userId()))
			.filter((user) -> user != null)
			.map(Auth0Member::of)
			.toList();
	}

	private List<Organization> offsetPage(int page, int perPage) {
		List<Organization> all = new ArrayList<>();
		String after = null;
		do {
			OrganizationService.Page found = this.organizations.list(List.of(),
					new ListRequest(MAX_TAKE, null, after, true));
			all.addAll(found.organizations());
			after = found.after();
		}
		while (after != null && all.size() < (page + 1) * perPage);
		int start = Math.min(all.size(), page * perPage);
		return all.subList(start, Math.min(all.size(), start + perPage));
	}

	private Organization find(String id) {
		return this.organizations.find(id).orElseThrow(Auth0Exception::organizationNotFound);
	}

	private static List<String> memberIds(JsonNode body) {
		JsonNode members = (body != null && body.isObject()) ? body.get("members") : null;
		if (members == null || !members.isArray() || members.isEmpty() || members.size() > MAX_MEMBERS_PER_REQUEST) {
			throw Auth0Exception.badRequest("Payload validation error: members must be an array of 1 to "
					+ MAX_MEMBERS_PER_REQUEST + " user ids.");
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode member : members) {
			if (!member.isString() || member.stringValue().isEmpty() || member.stringValue().length() > 64) {
				throw Auth0Exception.badRequest("Payload validation error: members must be user ids.");
			}
			ids.add(member.stringValue());
		}
		return ids;
	}

	private static int checkedTake(Integer take) {
		int size = (take != null) ? take : 50;
		if (size < 1 || size > MAX_TAKE) {
			throw Auth0Exception.badQuery("take must be 1 to " + MAX_TAKE + ".");
		}
		return size;
	}

	private static void checkPage(int page, int perPage) {
		if (page < 0 || perPage < 1 || perPage > MAX_TAKE) {
			throw Auth0Exception.badQuery("page must be 0 or more and per_page 1 to " + MAX_TAKE + ".");
		}
		if ((long) (page + 1) * perPage > Auth0UserController.MAX_RESULTS) {
			throw Auth0Exception
				.badQuery("You can only page through the first " + Auth0UserController.MAX_RESULTS + " results.");
		}
	}

	private static Map<String, Object> checkpoint(String field, List<?> items, String next) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(field, items);
		if (next != null) {
			body.put("next", next);
		}
		return body;
	}

	private static Map<String, Object> totals(String field, List<?> items, int page, int perPage, long total) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", page * perPage);
		body.put("limit", perPage);
		body.put("total", total);
		body.put(field, items);
		return body;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

}
