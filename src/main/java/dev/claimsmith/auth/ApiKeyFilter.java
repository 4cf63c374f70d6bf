package dev.claimsmith.auth;

import java.io.IOException;
import java.util.List;

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
 * Every management endpoint needs {@code Authorization: Bearer <api key>}. Public are
 * only what resource servers and browsers must reach without one: JWKS, discovery, the
 * authenticate endpoint (its client secret is checked there), health, the playground page
 * and API docs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter extends OncePerRequestFilter {

	private static final List<String> PUBLIC_PREFIXES = List.of("/.well-known/", "/sso/jwks/", "/playground",
			"/actuator/health", "/v3/api-docs", "/swagger-ui", "/error");

	private static final List<String> PUBLIC_PATHS = List.of("/user_management/authenticate", "/favicon.ico");

	private static final String BEARER = "Bearer ";

	private final ApiKeys apiKeys;

	private final ErrorResponses errorResponses;

	private final AuthFailures failures;

	ApiKeyFilter(ApiKeys apiKeys, ErrorResponses errorResponses, AuthFailures failures) {
		this.apiKeys = apiKeys;
		this.errorResponses = errorResponses;
		this.failures = failures;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
		if (bearer && this.apiKeys.isValid(header.substring(BEARER.length()).trim())) {
			chain.doFilter(request, response);
			return;
		}
		this.failures.record(AuthFailures.API_KEY);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		String message = (header != null) ? "Invalid API key."
				: "Missing API key: send 'Authorization: Bearer <api key>'.";
		this.errorResponses.write(response, HttpStatus.UNAUTHORIZED, new ApiError("unauthorized", message, null));
	}

}
