package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserChanges;
import dev.claimsmith.user.UserSearch;
import dev.claimsmith.user.UserService;
import dev.claimsmith.user.UserSort;
import dev.claimsmith.web.IfMatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
 * Clerk's users ({@code /clerk/v1/users}), the users of the WorkOS wire. Fields are
 * translated into a WorkOS-shaped request so that one set of rules checks them (email
 * format, password length, unique email and external id); the metadata classes are
 * Clerk's typed JSON.
 */
@RestController
@RequestMapping(path = "/clerk/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class ClerkUserController {

	private static final MetadataClass[] CLASSES = { MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA,
			MetadataClass.UNSAFE_METADATA };

	private static final int MAX_EMAILS = 100;

	/**
	 * The fields Clerk orders users by. Claimsmith keeps no Web3 wallets, phone numbers,
	 * usernames or session activity: every user has them null (as {@link ClerkUser}
	 * shows), so ordering by one of them is all ties, which fall by id. Clerk takes these
	 * fields on every instance, whether it uses them or not, so a 422 would fail code
	 * that runs against Clerk.
	 */
	private static final Map<String, UserSort> ORDER_FIELDS = Map.of("created_at", UserSort.CREATED_AT, "updated_at",
			UserSort.UPDATED_AT, "email_address", UserSort.EMAIL, "first_name", UserSort.FIRST_NAME, "last_name",
			UserSort.LAST_NAME, "last_sign_in_at", UserSort.LAST_SIGN_IN_AT, "web3wallet", UserSort.ID, "phone_number",
			UserSort.ID, "username", UserSort.ID, "last_active_at", UserSort.ID);

	private final UserService users;

	ClerkUserController(UserService users) {
		this.users = users;
	}

	/**
	 * A bare array, as Clerk answers; the SDK asks {@code /users/count} for the total.
	 */
	@GetMapping
	List<ClerkUser> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
			@RequestParam(name = "order_by", required = false) List<String> orderBy,
			@RequestParam(name = "email_address", required = false) List<String> emailAddresses,
			@RequestParam(name = "external_id", required = false) List<String> externalIds,
			@RequestParam(name = "user_id", required = false) List<String> userIds,
			@RequestParam(name = "organization_id", required = false) List<String> organizationIds,
			@RequestParam(name = "phone_number", required = false) List<String> phoneNumbers,
			@RequestParam(required = false) List<String> username,
			@RequestParam(name = "web3_wallet", required = false) List<String> web3Wallets,
			@RequestParam(required = false) String query) {
		ClerkPaging paging = ClerkPaging.of(limit, offset);
		ClerkOrder<UserSort> order = ClerkOrder.of(orderBy, ORDER_FIELDS);
		UserService.UserFilter filter = filter(emailAddresses, externalIds, userIds, organizationIds, query);
		if (filtersOnUnkeptFields(phoneNumbers, username, web3Wallets)) {
			return List.of();
		}
		return this.users.listByOffset(filter, order.sort(), order.ascending(), paging.limit(), paging.offset())
			.users()
			.stream()
			.map(ClerkUser::of)
			.toList();
	}

	@GetMapping("/count")
	TotalCount count(@RequestParam(name = "email_address", required = false) List<String> emailAddresses,
			@RequestParam(name = "external_id", required = false) List<String> externalIds,
			@RequestParam(name = "user_id", required = false) List<String> userIds,
			@RequestParam(name = "organization_id", required = false) List<String> organizationIds,
			@RequestParam(name = "phone_number", required = false) List<String> phoneNumbers,
			@RequestParam(required = false) List<String> username,
			@RequestParam(name = "web3_wallet", required = false) List<String> web3Wallets,
			@RequestParam(required = false) String query) {
		UserService.UserFilter filter = filter(emailAddresses, externalIds, userIds, organizationIds, query);
		if (filtersOnUnkeptFields(phoneNumbers, username, web3Wallets)) {
			return new TotalCount("total_count", 0);
		}
		return new TotalCount("total_count", this.users.listByOffset(filter, UserSort.ID, true, 1, 0).totalCount());
	}

	/**
	 * Phone numbers, usernames and Web3 wallets are not kept: a filter on them matches no
	 * one.
	 */
	static boolean filtersOnUnkeptFields(List<String> phoneNumbers, List<String> usernames, List<String> web3Wallets) {
		// Each is checked (count, length) before any answers, so a bad value is a 422.
		boolean phone = ClerkFilters.filtersOnUnkeptField("phone_number", phoneNumbers);
		boolean username = ClerkFilters.filtersOnUnkeptField("username", usernames);
		boolean wallet = ClerkFilters.filtersOnUnkeptField("web3_wallet", web3Wallets);
		return phone || username || wallet;
	}

	@PostMapping
	ClerkUser create(@RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		rejectPasswordDigest(body);
		List<String> emails = body.strings("email_address", MAX_EMAILS, ClerkFilters.MAX_EMAIL_LENGTH);
		if (emails.isEmpty()) {
			throw ClerkException.missingParam("email_address");
		}
		if (emails.size() > 1) {
			throw ClerkException.invalidParam("email_address",
					"A Claimsmith user has exactly one email address; send one.");
		}
		ObjectNode request = workOsFields(body);
		request.put("email", emails.get(0));
		// Clerk verifies the email addresses a backend creates.
		request.put("email_verified", true);
		UserChanges changes = UserChanges.forCreate(request).withMetadata(body.metadata(false, CLASSES));
		return ClerkUser.of(this.users.create(changes));
	}

	@GetMapping("/{id}")
	ClerkUser get(@PathVariable String id) {
		return ClerkUser.of(find(id));
	}

	/**
	 * Names, external id, password; metadata classes sent here replace the stored ones.
	 */
	@PatchMapping("/{id}")
	ClerkUser update(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		rejectPasswordDigest(body);
		User user = find(id);
		String primary = body.string("primary_email_address_id", 64).value();
		if (primary != null && !primary.equals(ClerkUser.emailAddressId(user.id()))) {
			throw ClerkException.invalidParam("primary_email_address_id",
					"The user's only email address is " + ClerkUser.emailAddressId(user.id()) + ".");
		}
		UserChanges changes = UserChanges.forUpdate(workOsFields(body)).withMetadata(body.metadata(false, CLASSES));
		return ClerkUser.of(this.users.update(user.id(), changes));
	}

	@DeleteMapping("/{id}")
	ClerkDeleted delete(@PathVariable String id) {
		User user = find(id);
		this.users.delete(user.id());
		return ClerkDeleted.of("user", user.id());
	}

	/** Deep merge (RFC 7396): nested objects merge, {@code null} deletes at any depth. */
	@PatchMapping("/{id}/metadata")
	ClerkUser mergeMetadata(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		MetadataChanges metadata = ClerkBody.of(json).metadata(true, CLASSES);
		return ClerkUser.of(this.users.patchMetadata(find(id).id(), metadata, IfMatch.any()));
	}

	/** Each class sent replaces the stored one whole; a class not sent stays. */
	@PutMapping("/{id}/metadata")
	ClerkUser replaceMetadata(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		MetadataChanges metadata = ClerkBody.of(json).metadata(false, CLASSES);
		return ClerkUser.of(this.users.patchMetadata(find(id).id(), metadata, IfMatch.any()));
	}

	private User find(String id) {
		return this.users.find(id).orElseThrow(() -> ClerkException.notFound("user with id '" + id + "'"));
	}

	/** The Clerk fields that have a WorkOS twin, under the WorkOS names. */
	private static ObjectNode workOsFields(ClerkBody body) {
		ObjectNode request = JsonNodeFactory.instance.objectNode();
		for (String field : new String[] { "first_name", "last_name", "external_id", "password" }) {
			JsonNode value = body.node(field);
			if (value != null) {
				request.set(field, value);
			}
		}
		return request;
	}

	private static void rejectPasswordDigest(ClerkBody body) {
		if (body.has("password_digest") || body.has("password_hasher")) {
			// Silently ignoring an imported hash would create a user who cannot sign in.
			throw ClerkException.invalidParam("password_digest",
					"Importing password digests is not supported; send password instead.");
		}
	}

	private static UserService.UserFilter filter(List<String> emails, List<String> externalIds, List<String> userIds,
			List<String> organizationIds, String query) {
		return new UserService.UserFilter(new UserSearch(ClerkFilters.emails("email_address", emails), query),
				ClerkFilters.ids("external_id", externalIds), ClerkFilters.ids("user_id", userIds),
				ClerkFilters.ids("organization_id", organizationIds));
	}

	/** {@code GET /users/count}: {@code {"object":"total_count","total_count":N}}. */
	record TotalCount(String object, long totalCount) {
	}

}
