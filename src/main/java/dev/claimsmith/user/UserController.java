package dev.claimsmith.user;

import dev.claimsmith.metadata.MetadataChanges;
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
 * The WorkOS-compatible User Management users API. Bodies carry passwords, so they are
 * read as {@link SecretBody}, which never shows up in a log. Every single user answers
 * with its {@code ETag}; writes honour {@code If-Match} ({@link IfMatch}).
 */
@RestController
@RequestMapping(path = "/user_management/users", produces = "application/json")
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@PostMapping
	ResponseEntity<UserResponse> create(@RequestBody SecretBody body) {
		User created = this.users.create(UserChanges.forCreate(body.json()));
		return IfMatch.created(UserResponse.of(created), created.version());
	}

	@GetMapping("/{id}")
	ResponseEntity<UserResponse> get(@PathVariable String id) {
		return this.users.find(id).map(UserController::answer).orElseThrow(() -> ApiException.notFound("user", id));
	}

	@GetMapping("/external_id/{externalId}")
	ResponseEntity<UserResponse> getByExternalId(@PathVariable String externalId) {
		return this.users.findByExternalId(externalId)
			.map(UserController::answer)
			.orElseThrow(() -> ApiException.notFound("Could not find user with external_id '" + externalId + "'."));
	}

	@PutMapping("/{id}")
	ResponseEntity<UserResponse> update(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody SecretBody body) {
		return answer(this.users.update(id, UserChanges.forUpdate(body.json()), IfMatch.of(ifMatch)));
	}

	/** RFC 7396 merge patch of the metadata classes (API.md "Metadata classes"). */
	@PatchMapping(path = "/{id}/metadata", consumes = MetadataChanges.MERGE_PATCH_JSON)
	ResponseEntity<UserResponse> patchMetadata(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		MetadataChanges changes = MetadataChanges.fromMergePatch(body, User.METADATA_CLASSES);
		return answer(this.users.patchMetadata(id, changes, IfMatch.of(ifMatch)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		this.users.delete(id, IfMatch.of(ifMatch));
		return ResponseEntity.ok().build();
	}

	private static ResponseEntity<UserResponse> answer(User user) {
		return IfMatch.ok(UserResponse.of(user), user.version());
	}

	@GetMapping
	ListResponse<UserResponse> list(@RequestParam(required = false) String email,
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String before,
			@RequestParam(required = false) String after, @RequestParam(required = false) String order) {
		ListRequest request = ListRequest.of(limit, before, after, order);
		UserService.Page page = this.users.list(blankToNull(email), blankToNull(organizationId), request);
		return new ListResponse<>(page.users().stream().map(UserResponse::of).toList(),
				new ListResponse.ListMetadata(page.before(), page.after()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
