package dev.claimsmith.auth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys as a resource (API.md "API keys"): create (the secret is shown once), list,
 * revoke. Needs an {@code admin} key, which {@link ApiKeyFilter} enforces.
 */
@RestController
@RequestMapping(path = "/api_keys", produces = "application/json")
class ApiKeyController {

	static final int MAX_NAME_LENGTH = 100;

	private final ApiKeys apiKeys;

	ApiKeyController(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping
	ResponseEntity<ApiKeyResponse.Created> create(@RequestBody JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String name = reader.requiredString("name", 1, MAX_NAME_LENGTH);
		if (name != null && (name.isBlank() || name.chars().anyMatch(Character::isISOControl))) {
			reader.fail("name", "invalid_characters", "name must not be blank or contain control characters.");
		}
		Set<ApiKeyScope> scopes = scopes(reader);
		reader.validate();
		ApiKeys.NewApiKey created = this.apiKeys.create(name, scopes);
		// The secret is in this body only: no cache may keep it.
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(ApiKeyResponse.Created.of(created));
	}

	@GetMapping
	ListResponse<ApiKeyResponse> list(@RequestParam(required = false) String limit,
			@RequestParam(required = false) String before, @RequestParam(required = false) String after,
			@RequestParam(required = false) String order) {
		ApiKeys.Page page = this.apiKeys.list(ListRequest.of(limit, before, after, order));
		return new ListResponse<>(page.keys().stream().map(ApiKeyResponse::of).toList(),
				new ListResponse.ListMetadata(page.before(), page.after()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		if (!this.apiKeys.revoke(id)) {
			throw ApiException.notFound("API key", id);
		}
		return ResponseEntity.ok().build();
	}

	/** {@code scopes}: absent or null means {@code ["admin"]}; else a non-empty list. */
	private static Set<ApiKeyScope> scopes(JsonObjectReader reader) {
		JsonNode node = reader.node("scopes");
		if (node == null || node.isNull()) {
			return EnumSet.of(ApiKeyScope.ADMIN);
		}
		Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
		if (!node.isArray() || node.isEmpty() || node.size() > ApiKeyScope.values().length * 2) {
			reader.fail("scopes", "invalid_type", "scopes must be a non-empty list of admin, mint, preview.");
			return scopes;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode element = node.get(i);
			Optional<ApiKeyScope> scope = element.isString() ? ApiKeyScope.of(element.stringValue()) : Optional.empty();
			if (scope.isEmpty()) {
				reader.fail("scopes[" + i + "]", "invalid_scope", "Each scope must be one of admin, mint, preview.");
			}
			scope.ifPresent(scopes::add);
		}
		return scopes;
	}

}
