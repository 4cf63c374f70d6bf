package dev.claimsmith.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the API-key filter let a request in on an API key (or a management token
 * standing for one): for the one endpoint it also lets through for a user's own access
 * token ({@code PATCH /api/v2/users/{id}}), which must then tell the two apart.
 */
public final class ApiKeyAuthentication {

	static final String ATTRIBUTE = ApiKeyAuthentication.class.getName();

	private ApiKeyAuthentication() {
	}

	/** Whether the request was authenticated by an API key. */
	public static boolean isApiKey(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof ApiKey;
	}

	static void mark(HttpServletRequest request, ApiKey key) {
		request.setAttribute(ATTRIBUTE, key);
	}

}
