package dev.claimsmith.auth;

import java.util.List;
import java.util.Map;

import dev.claimsmith.keys.IssuerProperties;
import dev.claimsmith.template.TemplateError;
import dev.claimsmith.template.TemplateException;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.NoStore;
import dev.claimsmith.web.SecretBody;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * WorkOS's {@code POST /user_management/authenticate}. The caller is the application's
 * backend: it authenticates as the configured client with an API key as client secret,
 * and may pass the end user's {@code ip_address}, which throttling then keys on.
 */
@RestController
class AuthenticationController {

	private static final String PASSWORD = "password";

	private static final String REFRESH_TOKEN = "refresh_token";

	private final IssuerProperties issuer;

	private final ApiKeys apiKeys;

	private final PasswordGrant passwordGrant;

	private final RefreshTokenGrant refreshTokenGrant;

	private final OrganizationSelectionGrant organizationSelectionGrant;

	private final AuthFailures failures;

	AuthenticationController(IssuerProperties issuer, ApiKeys apiKeys, PasswordGrant passwordGrant,
			RefreshTokenGrant refreshTokenGrant, OrganizationSelectionGrant organizationSelectionGrant,
			AuthFailures failures) {
		this.issuer = issuer;
		this.apiKeys = apiKeys;
		this.passwordGrant = passwordGrant;
		this.refreshTokenGrant = refreshTokenGrant;
		this.organizationSelectionGrant = organizationSelectionGrant;
		this.failures = failures;
	}

	@NoStore
	@PostMapping(path = "/user_management/authenticate", produces = "application/json")
	AuthenticationResponse authenticate(@RequestBody SecretBody body, HttpServletRequest request) {
		JsonObjectReader reader = JsonObjectReader.of(body.json());
		String grantType = reader.requiredString("grant_type", 1, 128);
		String clientId = reader.requiredString("client_id", 1, 128);
		String clientSecret = reader.optionalString("client_secret", 1, 256).orElse(null);
		String organizationId = reader.optionalString("organization_id", 1, 64).orElse(null);
		reader.validate();
		boolean secretRequired = !REFRESH_TOKEN.equals(grantType);
		authenticateClient(clientId, clientSecret, secretRequired);
		Authentication authentication = switch (grantType) {
			case PASSWORD -> password(reader, organizationId, clientId, request);
			case REFRESH_TOKEN -> {
				String refreshToken = reader.requiredString("refresh_token", 1, 256);
				reader.validate();
				yield this.refreshTokenGrant.authenticate(refreshToken, clientId, organizationId);
			}
			case OrganizationSelectionGrant.GRANT_TYPE -> {
				String pendingToken = reader.requiredString("pending_authentication_token", 1, 256);
				String chosen = reader.requiredString("organization_id", 1, 64);
				reader.validate();
				yield this.organizationSelectionGrant.authenticate(pendingToken, chosen, clientId);
			}
			default -> throw ApiException.badRequest("unsupported_grant_type",
					"grant_type must be one of password, refresh_token, " + OrganizationSelectionGrant.GRANT_TYPE
							+ ".");
		};
		return AuthenticationResponse.of(authentication);
	}

	private Authentication password(JsonObjectReader reader, String organizationId, String clientId,
			HttpServletRequest request) {
		String email = reader.requiredString("email", 1, 254);
		String password = reader.requiredString("password", 1, 1024);
		String ipAddress = reader.optionalString("ip_address", 1, 64).orElse(request.getRemoteAddr());
		String invitationToken = reader.optionalString("invitation_token", 1, 256).orElse(null);
		reader.validate();
		if (invitationToken != null) {
			return this.passwordGrant.acceptInvitation(invitationToken, email, password, organizationId, clientId,
					ipAddress);
		}
		return this.passwordGrant.authenticate(email, password, organizationId, clientId, ipAddress);
	}

	/**
	 * The client secret is an API key with the {@code mint} scope; a public client may
	 * refresh without one, but one that is sent must be valid.
	 */
	private void authenticateClient(String clientId, String clientSecret, boolean secretRequired) {
		if (!this.issuer.clientId().equals(clientId)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_client", "Invalid client ID.", null);
		}
		if (clientSecret == null && !secretRequired) {
			return;
		}
		ApiKey key = (clientSecret != null) ? this.apiKeys.authenticate(clientSecret).orElse(null) : null;
		if (key == null) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_client", "Invalid client secret.", null);
		}
		if (!key.grants(ApiKeyScope.MINT)) {
			throw new ApiException(HttpStatus.FORBIDDEN, AuthFailures.INSUFFICIENT_SCOPE,
					"This API key lacks the 'mint' scope a client secret needs.", null);
		}
	}

	/** Refusals answered in the contract's shape, counted for the auth-failure metric. */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> refused(ApiException ex) {
		if (AuthFailures.INVALID_CREDENTIALS.equals(ex.code()) || AuthFailures.INVALID_CLIENT.equals(ex.code())
				|| AuthFailures.INSUFFICIENT_SCOPE.equals(ex.code())) {
			this.failures.record(ex.code());
		}
		return ResponseEntity.status(ex.status()).body(ex.body());
	}

	/**
	 * The claims template failed for this user (a cast of a metadata value, say). The
	 * contract's 422 names each failing claim, but not why: the reason may quote the
	 * value, and metadata reaches a signed-in user only through the claims a template
	 * exposes. Preview the template on the management side to see the reason.
	 */
	@ExceptionHandler(TemplateException.class)
	ResponseEntity<InvalidTemplate> templateFailed(TemplateException ex) {
		List<TemplateError> claims = ex.errors()
			.stream()
			.map((error) -> new TemplateError(error.path(), "This claim could not be rendered for this user."))
			.toList();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new InvalidTemplate("invalid_template", "The claims template could not be rendered for this user; "
					+ "preview it with POST /jwt_templates/preview to see why.", claims));
	}

	@ExceptionHandler(InvalidGrantException.class)
	ResponseEntity<Map<String, String>> invalidGrant(InvalidGrantException ex) {
		this.failures.record(AuthFailures.INVALID_GRANT);
		return ResponseEntity.badRequest().body(Map.of("error", "invalid_grant", "error_description", ex.getMessage()));
	}

	@ExceptionHandler(OrganizationSelectionRequiredException.class)
	ResponseEntity<OrganizationSelectionRequired> selectionRequired(OrganizationSelectionRequiredException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ex.body());
	}

	@ExceptionHandler(ThrottledException.class)
	ResponseEntity<ApiError> throttled(ThrottledException ex) {
		this.failures.record(AuthFailures.THROTTLED);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()))
			.body(new ApiError("rate_limit_exceeded",
					"Too many failed sign-in attempts; retry after " + ex.retryAfter().toSeconds() + " seconds.",
					null));
	}

	/**
	 * The contract's template 422, as {@code TemplateExceptionHandler} answers it
	 * elsewhere.
	 */
	record InvalidTemplate(String code, String message, List<TemplateError> errors) {
	}

}
