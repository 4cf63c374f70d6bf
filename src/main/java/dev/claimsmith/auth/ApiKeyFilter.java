package dev.claimsmith.auth;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every management endpoint needs {@code Authorization: Bearer <api key>} of a key whose
 * scopes cover it (see {@link #requiredScope}). Public are only what resource servers and
 * browsers must reach without one: JWKS, discovery, the authenticate endpoint (its client
 * secret is checked there), {@code /me} (authenticated by the user's own access token,
 * never an API key), health, the playground page and API docs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter extends OncePerRequestFilter {

	private static final List<String> PUBLIC_PREFIXES = List.of("/.well-known/", "/sso/jwks/", "/playground",
			"/actuator/health", "/v3/api-docs", "/swagger-ui", "/error");

	private static final List<String> PUBLIC_PATHS = List.of("/user_management/authenticate", "/me", "/favicon.ico",
			"/oauth/token");

	/**
	 * Where a user's own access token may stand in for an API key (API.md "Auth0
	 * Management API compatibility": the user edits their own user_metadata); the
	 * endpoint authenticates it and tells it from a key by {@link ApiKeyAuthentication}.
	 */
	private static final Pattern USER_TOKEN_PATCH = Pattern.compile("/api/v2/users/[^/]+");

	private static final String BEARER = "Bearer ";

	private static final Pattern MINT_POST = Pattern.compile("/access_tokens|/oauth2/introspect");

	private static final Pattern PREVIEW_POST = Pattern.compile("/jwt_templates/preview");

	/** The playground's reads: templates, and users, organizations and memberships. */
	private static final Pattern PREVIEW_GET = Pattern
		.compile("/(jwt_templates|organizations|user_management/users|user_management/organization_memberships)"
				+ "(/[^/]+)*");

	/**
	 * Paths that a container or framework might read differently from the plain string
	 * (dot segments, empty segments, encoded separators or dots, backslashes): only an
	 * admin key may send them, so no trick can make a narrow key reach a wider endpoint.
	 */
	private static final List<String> AMBIGUOUS = List.of("//", "/.", "%2e", "%2f", "%5c", "\\", ";");

	private final ApiKeys apiKeys;

	private final ErrorResponses errorResponses;

	private final AuthFailures failures;

	private final ManagementTokens managementTokens;

	ApiKeyFilter(ApiKeys apiKeys, ErrorResponses errorResponses, AuthFailures failures,
			ManagementTokens managementTokens) {
		this.apiKeys = apiKeys;
		this.errorResponses = errorResponses;
		this.failures = failures;
		this.managementTokens = managementTokens;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
		Optional<ApiKey> key = bearer ? authenticate(header.substring(BEARER.length()).trim()) : Optional.empty();
		String path = path(request);
		if (key.isEmpty() && bearer && "PATCH".equalsIgnoreCase(request.getMethod())
				&& USER_TOKEN_PATCH.matcher(path).matches()) {
			// Perhaps the user's own access token: the endpoint decides.
			chain.doFilter(request, response);
			return;
		}
		if (key.isEmpty()) {
			this.failures.record(AuthFailures.API_KEY);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			String message = (header != null) ? "Invalid API key."
					: "Missing API key: send 'Authorization: Bearer <api key>'.";
			this.errorResponses.write(request, response, HttpStatus.UNAUTHORIZED,
					new ApiError("unauthorized", message, null));
			return;
		}
		ApiKeyScope required = requiredScope(request.getMethod(), path);
		if (!key.get().grants(required)) {
			this.failures.record(AuthFailures.INSUFFICIENT_SCOPE);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", scope=\"" + required.wireName() + "\"");
			this.errorResponses.write(request, response, HttpStatus.FORBIDDEN, new ApiError("insufficient_scope",
					"This API key lacks the '" + required.wireName() + "' scope this request needs.", null));
			return;
		}
		ApiKeyAuthentication.mark(request, key.get());
		chain.doFilter(request, response);
	}

	/**
	 * An API key, or a management token of {@code POST /oauth/token} standing for one (a
	 * JWT: never the format of a generated key).
	 */
	private Optional<ApiKey> authenticate(String credential) {
		if (credential.startsWith(ApiKeys.PREFIX) || credential.chars().filter((c) -> c == '.').count() != 2) {
			return this.apiKeys.authenticate(credential);
		}
		Optional<ApiKey> key = this.managementTokens.authenticate(credential);
		return key.isPresent() ? key : this.apiKeys.authenticate(credential);
	}

	/**
	 * The scope a request needs (API.md "API keys"): {@code mint} for minting and
	 * introspection, {@code preview} for the template playground's calls, {@code admin}
	 * for everything else, including anything not recognised.
	 */
	static ApiKeyScope requiredScope(String method, String path) {
		if (isAmbiguous(path)) {
			return ApiKeyScope.ADMIN;
		}
		String verb = method.toUpperCase(Locale.ROOT);
		if ("POST".equals(verb) && MINT_POST.matcher(path).matches()) {
			return ApiKeyScope.MINT;
		}
		if ("POST".equals(verb) && PREVIEW_POST.matcher(path).matches()) {
			return ApiKeyScope.PREVIEW;
		}
		if (("GET".equals(verb) || "HEAD".equals(verb)) && PREVIEW_GET.matcher(path).matches()) {
			return ApiKeyScope.PREVIEW;
		}
		return ApiKeyScope.ADMIN;
	}

	/**
	 * A plain scan rather than a regular expression: {@code .*(…).*} backtracked over
	 * every request's path, about 1.5 µs per request in a mint profile.
	 */
	static boolean isAmbiguous(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		for (String marker : AMBIGUOUS) {
			if (lower.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	/** The request path as sent, without the context path. */
	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
