package dev.claimsmith.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.claimsmith.keys.IssuerProperties;
import dev.claimsmith.web.NoStore;
import dev.claimsmith.web.SecretBody;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token} with {@code grant_type=client_credentials}, as Auth0's
 * Management SDK asks for its token (API.md "Auth0 Management API compatibility"): the
 * client is the configured one, the secret an API key, the audience
 * {@code https://{domain}/api/v2/}. Refusals follow RFC 6749 §5.2. Form bodies (what the
 * RFC and the SDK send) and JSON bodies are both read; the client may also authenticate
 * with HTTP Basic.
 */
@RestController
@NoStore
class ClientCredentialsController {

	private static final String GRANT_TYPE = "client_credentials";

	private static final String BASIC = "Basic ";

	private final IssuerProperties issuer;

	private final ApiKeys apiKeys;

	private final ManagementTokens tokens;

	private final ManagementTokenProperties properties;

	private final AuthFailures failures;

	ClientCredentialsController(IssuerProperties issuer, ApiKeys apiKeys, ManagementTokens tokens,
			ManagementTokenProperties properties, AuthFailures failures) {
		this.issuer = issuer;
		this.apiKeys = apiKeys;
		this.tokens = tokens;
		this.properties = properties;
		this.failures = failures;
	}

	@PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> form(@RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request) {
		return token(form::getFirst, request);
	}

	@PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> json(@RequestBody SecretBody body, HttpServletRequest request) {
		JsonNode json = body.json();
		return token((name) -> {
			JsonNode value = (json != null && json.isObject()) ? json.get(name) : null;
			return (value != null && value.isString()) ? value.stringValue() : null;
		}, request);
	}

	private ResponseEntity<Map<String, Object>> token(Parameters parameters, HttpServletRequest request) {
		String grantType = parameters.get("grant_type");
		if (grantType == null) {
			return refused(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required.");
		}
		if (!GRANT_TYPE.equals(grantType)) {
			return refused(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"Only grant_type=client_credentials is supported here; users sign in at "
							+ "/user_management/authenticate.");
		}
		String[] basic = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
		String clientId = (basic != null) ? basic[0] : parameters.get("client_id");
		String clientSecret = (basic != null) ? basic[1] : parameters.get("client_secret");
		ApiKey key = (clientSecret != null) ? this.apiKeys.authenticate(clientSecret).orElse(null) : null;
		if (!this.issuer.clientId().equals(clientId) || key == null) {
			this.failures.record(AuthFailures.INVALID_CLIENT);
			return refused(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.");
		}
		String audience = parameters.get("audience");
		if (audience == null || !acceptedAudiences(this.properties.domain(), this.issuer.issuer(),
				request.getHeader(HttpHeaders.HOST))
			.contains(audience)) {
			return refused(HttpStatus.FORBIDDEN, "access_denied",
					"Service not enabled within domain: " + ((audience != null) ? abbreviate(audience) : "(none)")
							+ "; the audience is https://{domain}/api/v2/.");
		}
		ManagementTokens.Issued issued = this.tokens.issue(key, audience);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.accessToken());
		body.put("token_type", "Bearer");
		body.put("expires_in", issued.expiresIn());
		body.put("scope", issued.scope());
		return ResponseEntity.ok().header(HttpHeaders.PRAGMA, "no-cache").body(body);
	}

	/**
	 * {@code https://{domain}/api/v2/} for each domain this instance answers as: the
	 * configured domain, else the issuer's host and the host the request came to (often
	 * the same one).
	 */
	static Set<String> acceptedAudiences(String domain, String issuer, String requestHost) {
		if (domain != null && !domain.isBlank()) {
			return Set.of(audienceOf(domain.trim()));
		}
		URI issuerUri = URI.create(issuer);
		String issuerHost = issuerUri.getHost() + ((issuerUri.getPort() > 0) ? ":" + issuerUri.getPort() : "");
		Set<String> audiences = new HashSet<>();
		audiences.add(audienceOf(issuerHost));
		if (requestHost != null) {
			audiences.add(audienceOf(requestHost));
		}
		return audiences;
	}

	private static String audienceOf(String domain) {
		return "https://" + domain + "/api/v2/";
	}

	private static String[] basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String error, String description) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"claimsmith\"");
		}
		return response.body(Map.of("error", error, "error_description", description));
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 100) ? text.substring(0, 100) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

	@FunctionalInterface
	private interface Parameters {

		String get(String name);

	}

}
