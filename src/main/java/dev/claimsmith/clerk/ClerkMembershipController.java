package dev.claimsmith.clerk;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.membership.MembershipSort;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.organization.Organization;
import dev.claimsmith.organization.OrganizationService;
import dev.claimsmith.store.IdFilter;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserSearch;
import dev.claimsmith.user.UserService;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
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
 * Clerk's organization memberships, addressed by organization and user id
 * ({@code /clerk/v1/organizations/{id}/memberships/{user_id}}); only active memberships
 * exist on this wire (Clerk has no inactive or pending ones).
 */
@RestController
@RequestMapping(path = "/clerk/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ClerkMembershipController {

	private static final MetadataClass[] CLASSES = { MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA };

	/**
	 * The fields Clerk orders memberships by (the member's, but for {@code created_at}).
	 * Claimsmith keeps no phone numbers or usernames: every member has them null (as
	 * {@link ClerkMembership} shows), so ordering by one of them is all ties, which fall
	 * by id. Clerk takes these fields on every instance, so a 422 would fail code that
	 * runs against Clerk.
	 */
	private static final Map<String, MembershipSort> ORDER_FIELDS = Map.of("created_at", MembershipSort.CREATED_AT,
			"email_address", MembershipSort.EMAIL, "first_name", MembershipSort.FIRST_NAME, "last_name",
			MembershipSort.LAST_NAME, "phone_number", MembershipSort.ID, "username", MembershipSort.ID);

	private final MembershipService memberships;

	private final ClerkOrganizations clerkOrganizations;

	private final OrganizationService organizations;

	private final UserService users;

	ClerkMembershipController(MembershipService memberships, ClerkOrganizations clerkOrganizations,
			OrganizationService organizations, UserService users) {
		this.memberships = memberships;
		this.clerkOrganizations = clerkOrganizations;
		this.organizations = organizations;
		this.users = users;
	}

	/**
	 * Filters combine with AND, the values of one filter with OR; {@code total_count}
	 * counts the filtered memberships.
	 */
	@GetMapping("/organizations/{id}/memberships")
	ClerkList<ClerkMembership> list(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset,
			@RequestParam(name = "order_by", required = false) List<String> orderBy,
			@RequestParam(name = "user_id", required = false) List<String> userIds,
			@RequestParam(name = "email_address", required = false) List<String> emailAddresses,
			@RequestParam(name = "role", required = false) List<String> roles,
			@RequestParam(name = "phone_number", required = false) List<String> phoneNumbers,
			@RequestParam(required = false) List<String> username,
			@RequestParam(name = "web3_wallet", required = false) List<String> web3Wallets,
			@RequestParam(required = false) String query) {
		ClerkPaging paging = ClerkPaging.of(limit, offset);
		ClerkOrder<MembershipSort> order = ClerkOrder.of(orderBy, ORDER_FIELDS);
		IdFilter users = ClerkFilters.ids("user_id", userIds);
		UserSearch search = new UserSearch(ClerkFilters.emails("email_address", emailAddresses), query);
		List<String> roleSlugs = ClerkFilters.roleSlugs("role", roles);
		Organization organization = this.clerkOrganizations.find(id);
		MembershipService.MembershipFilter filter = new MembershipService.MembershipFilter(organization.id(), users,
				roleSlugs, search);
		if (ClerkUserController.filtersOnUnkeptFields(phoneNumbers, username, web3Wallets)) {
			return new ClerkList<>(List.of(), 0);
		}
		return page(filter, order, paging);
	}

	/**
	 * Clerk's {@code GET /users/{id}/organization_memberships} takes no filters, only
	 * paging (and here the same {@code order_by} as an organization's list).
	 */
	@GetMapping("/users/{userId}/organization_memberships")
	ClerkList<ClerkMembership> listOfUser(@PathVariable String userId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset,
			@RequestParam(name = "order_by", required = false) List<String> orderBy) {
		ClerkPaging paging = ClerkPaging.of(limit, offset);
		ClerkOrder<MembershipSort> order = ClerkOrder.of(orderBy, ORDER_FIELDS);
		if (this.users.find(userId).isEmpty()) {
			throw ClerkException.notFound("user with id '" + userId + "'");
		}
		return page(MembershipService.MembershipFilter.ofUser(userId), order, paging);
	}

	@PostMapping("/organizations/{id}/memberships")
	ClerkMembership create(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		String userId = body.requiredString("user_id", 64);
		String role = ClerkRoles.fromClerk(body.requiredString("role", 64));
		MetadataChanges metadata = body.metadata(false, CLASSES);
		Organization organization = this.clerkOrganizations.find(id);
		if (this.users.find(userId).isEmpty()) {
			throw ClerkException.notFound("user with id '" + userId + "'");
		}
		return response(this.memberships.createFor(userId, organization.id(), role, metadata));
	}

	/** The role; metadata classes sent here replace the stored ones. */
	@PatchMapping("/organizations/{id}/memberships/{userId}")
	ClerkMembership update(@PathVariable String id, @PathVariable String userId,
			@RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		String roleKey = body.string("role", 64).value();
		String role = (roleKey != null) ? ClerkRoles.fromClerk(roleKey) : null;
		MetadataChanges metadata = body.metadata(false, CLASSES);
		Organization organization = this.clerkOrganizations.find(id);
		return response(this.memberships.updateOf(userId, organization.id(), role, metadata));
	}

	/** Deep merge (RFC 7396): nested objects merge, {@code null} deletes at any depth. */
	@PatchMapping("/organizations/{id}/memberships/{userId}/metadata")
	ClerkMembership mergeMetadata(@PathVariable String id, @PathVariable String userId,
			@RequestBody(required = false) JsonNode json) {
		MetadataChanges metadata = ClerkBody.of(json).metadata(true, CLASSES);
		Organization organization = this.clerkOrganizations.find(id);
		return response(this.memberships.updateOf(userId, organization.id(), null, metadata));
	}

	/** Clerk answers with the membership as it was. */
	@DeleteMapping("/organizations/{id}/memberships/{userId}")
	ClerkMembership delete(@PathVariable String id, @PathVariable String userId) {
		Organization organization = this.clerkOrganizations.find(id);
		User user = this.users.find(userId).orElseThrow(() -> ClerkException.notFound("user with id '" + userId + "'"));
		Membership deleted = this.memberships.deleteOf(user.id(), organization.id());
		return ClerkMembership.of(deleted, ClerkOrganization.of(organization, null), user,
				this.memberships.permissionsOf(deleted.roleSlug()));
	}

	private ClerkList<ClerkMembership> page(MembershipService.MembershipFilter filter, ClerkOrder<MembershipSort> order,
			ClerkPaging paging) {
		MembershipService.OffsetPage page = this.memberships.listActiveByOffset(filter, order.sort(), order.ascending(),
				paging.limit(), paging.offset());
		return new ClerkList<>(responses(page.memberships()), page.totalCount());
	}

	private ClerkMembership response(Membership membership) {
		return responses(List.of(membership)).stream()
			.findFirst()
			.orElseThrow(() -> ClerkException.notFound("organization or user of this membership"));
	}

	/** Loads the organizations and users of a page in one query each. */
	private List<ClerkMembership> responses(Collection<Membership> page) {
		Set<String> organizationIds = page.stream().map(Membership::organizationId).collect(Collectors.toSet());
		Set<String> userIds = page.stream().map(Membership::userId).collect(Collectors.toSet());
		Map<String, Organization> organizationsById = this.organizations.findAll(organizationIds);
		Map<String, User> usersById = this.users.findAll(userIds);
		return page.stream()
			.filter((membership) -> organizationsById.containsKey(membership.organizationId())
					&& usersById.containsKey(membership.userId()))
			.map((membership) -> ClerkMembership.of(membership,
					ClerkOrganization.of(organizationsById.get(membership.organizationId()), null),
					usersById.get(membership.userId()), this.memberships.permissionsOf(membership.roleSlug())))
			.toList();
	}

}
