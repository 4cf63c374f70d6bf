package dev.claimsmith.auth0;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.auth.ApiKeyAuthentication;
import dev.claimsmith.selfservice.OwnUserWrites;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserChanges;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.IfMatch;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auth0's {@code /api/v2/users} and {@code /api/v2/users-by-email} over Claimsmith's
 * users (API.md "Auth0 Management API compatibility"). {@code PATCH /api/v2/users/{id}}
 * also takes the user's own access token, which may change that user's
 * {@code user_metadata} and nothing else.
 */
@RestController
@RequestMapping(path = "/api/v2", produces = "application/json")
class Auth0UserController {

	/** Auth0 answers at most the first 1000 users of a search or listing. */
	static final int MAX_RESULTS = 1000;

	static final int MAX_PER_PAGE = 100;

	private final UserService users;

	private final OwnUserWrites ownWrites;

	private final Auth0Properties properties;

	Auth0UserController(UserService users, OwnUserWrites ownWrites, Auth0Properties properties) {
		this.users = users;
		this.ownWrites = ownWrites;
		this.properties = properties;
	}

	@GetMapping("/users")
	Object list(@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(name = "include_totals", defaultValue = "false") boolean includeTotals,
			@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "search_engine", required = false) String searchEngine) {
		if (page < 0 || perPage < 1 || perPage > MAX_PER_PAGE) {
			throw Auth0Exception.badQuery("page must be 0 or more and per_page 1 to " + MAX_PER_PAGE + ".");
		}
		if ((long) (page + 1) * perPage > MAX_RESULTS) {
			throw Auth0Exception.badQuery("You can only page through the first " + MAX_RESULTS + " results.");
		}
		UserService.Search found = this.users.search(UserQuery.parse(q), page * perPage, perPage, MAX_RESULTS);
		List<Auth0User> shown = found.users().stream().map(this::shown).toList();
		if (!includeTotals) {
			return shown;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", page * perPage);
		body.put("limit", perPage);
		body.put("length", shown.size());
		body.put("total", Math.min(found.total(), MAX_RESULTS));
		body.put("users", shown);
		return body;
	}

	@GetMapping("/users-by-email")
	List<Auth0User> byEmail(@RequestParam("email") String email) {
		return this.users.findByEmail(email).map(this::shown).stream().toList();
	}

	@PostMapping("/users")
	ResponseEntity<Auth0User> create(@RequestBody JsonNode body) {
		UserChanges changes = Auth0UserRequests.forCreate(body);
		return ResponseEntity.status(HttpStatus.CREATED).body(shown(this.users.create(changes)));
	}

	@GetMapping("/users/{id}")
	Auth0User get(@PathVariable String id) {
		return shown(this.users.find(id).orElseThrow(Auth0Exception::userNotFound));
	}

	/**
	 * An API key (or management token) may change any field Auth0 and Claimsmith share;
	 * the user's own token only their {@code user_metadata}. Either way metadata merges
	 * at the top level only.
	 */
	@PatchMapping("/users/{id}")
	Auth0User update(@PathVariable String id, @RequestBody JsonNode body, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (ApiKeyAuthentication.isApiKey(request)) {
			UserChanges changes = Auth0UserRequests.forUpdate(body);
			return shown(this.users.update(id, changes, IfMatch.any()));
		}
		String userId = this.ownWrites.authorizeWrite(authorization);
		if (!userId.equals(id)) {
			throw Auth0Exception.forbidden("A user's own token may change that user only; nothing was written.");
		}
		UserChanges changes = Auth0UserRequests.forOwnUpdate(body);
		return shown(this.users.update(id, changes, IfMatch.any()));
	}

	/** As Auth0 does, deleting a user that does not exist (any more) succeeds. */
	@DeleteMapping("/users/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (this.users.find(id).isPresent()) {
			this.users.delete(id, IfMatch.any());
		}
		return ResponseEntity.noContent().build();
	}

	private Auth0User shown(User user) {
		return Auth0User.of(user, this.properties.connection());
	}

}
