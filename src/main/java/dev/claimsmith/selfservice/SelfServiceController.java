package dev.claimsmith.selfservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.NoStore;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me} and {@code PATCH /me} (API.md "Self-service for the signed-in user").
 * The only field a user may write is {@code unsafe_metadata}; a request naming any other
 * is refused whole with 403 {@code forbidden_field}, before anything is written.
 */
@RestController
@NoStore
class SelfServiceController {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private static final Set<MetadataClass> WRITABLE = Set.of(MetadataClass.UNSAFE_METADATA);

	private final AccessTokenAuthentication authentication;

	private final SelfWriteThrottle throttle;

	private final SelfServiceView view;

	private final UserService users;

	SelfServiceController(AccessTokenAuthentication authentication, SelfWriteThrottle throttle, SelfServiceView view,
			UserService users) {
		this.authentication = authentication;
		this.throttle = throttle;
		this.view = view;
		this.users = users;
	}

	@GetMapping(path = "/me", produces = "application/json")
	ResponseEntity<MeResponse> me(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.view.of(this.authentication.authenticate(authorization)).toResponse();
	}

	@PatchMapping(path = "/me", consumes = MERGE_PATCH, produces = "application/json")
	ResponseEntity<MeResponse> update(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, @RequestBody JsonNode body) {
		SignedInUser signedIn = this.authentication.authenticate(authorization);
		// Counted before the body is looked at, so malformed requests spend the budget
		// too.
		this.throttle.acquire(signedIn.userId());
		refuseForbiddenFields(body);
		MetadataChanges changes = MetadataChanges.fromMergePatch(body, WRITABLE);
		this.users.patchMetadata(signedIn.userId(), changes, IfMatch.of(ifMatch));
		return this.view.of(signedIn).toResponse();
	}

	private static void refuseForbiddenFields(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalidParameter("body", "invalid_type",
					"The body must be a JSON object such as {\"unsafe_metadata\":{…}}.");
		}
		List<ApiError.FieldError> forbidden = new ArrayList<>();
		for (String field : body.propertyNames()) {
			if (!MetadataClass.UNSAFE_METADATA.field().equals(field)) {
				String shown = (field.length() > 64) ? field.substring(0, 64) + "…" : field;
				forbidden.add(new ApiError.FieldError(shown, "forbidden_field",
						"'" + shown + "' cannot be changed here; only unsafe_metadata can."));
			}
		}
		if (!forbidden.isEmpty()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "forbidden_field",
					"Only unsafe_metadata can be changed through /me; nothing was written.", forbidden);
		}
	}

	@ExceptionHandler(NotSignedInException.class)
	ResponseEntity<ApiError> notSignedIn(NotSignedInException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.body(new ApiError("unauthorized", ex.getMessage(), null));
	}

	@ExceptionHandler(SelfWriteThrottledException.class)
	ResponseEntity<ApiError> throttled(SelfWriteThrottledException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(new ApiError("rate_limit_exceeded",
					"Too many updates; retry after " + ex.retryAfterSeconds() + " seconds.", null));
	}

}
