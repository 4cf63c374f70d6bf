package dev.claimsmith.user;

import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import dev.claimsmith.web.SecretBody;

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

/**
 * The WorkOS-compatible User Management users API. Bodies carry passwords, so they are
 * read as {@link SecretBody}, which never shows up in a log.
 */
@RestController
@RequestMapping(path = "/user_management/users", produces = "application/json")
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse create(@RequestBody SecretBody body) {
		return UserResponse.of(this.users.create(UserChanges.forCreate(body.json())));
	}

	@GetMapping("/{id}")
	UserResponse get(@PathVariable String id) {
		return this.users.find(id).map(UserResponse::of).orElseThrow(() -> ApiException.notFound("user", id));
	}

	@GetMapping("/external_id/{externalId}")
	UserResponse getByExternalId(@PathVariable String externalId) {
		return this.users.findByExternalId(externalId)
			.map(UserResponse::of)
			.orElseThrow(() -> ApiException.notFound("Could not find user with external_id '" + externalId + "'."));
	}

	@PutMapping("/{id}")
	UserResponse update(@PathVariable String id, @RequestBody SecretBody body) {
		return UserResponse.of(this.users.update(id, UserChanges.forUpdate(body.json())));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.users.delete(id);
		return ResponseEntity.ok().build();
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
