package dev.claimsmith.token;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.claimsmith.keys.TokenVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7662 token introspection for resource servers that would rather ask than verify.
 * Any token we did not sign, that has expired, or whose session was revoked is simply
 * {@code {"active":false}}; the reason is never disclosed.
 */
@RestController
class IntrospectionController {

	private static final Map<String, Object> INACTIVE = Map.of("active", false);

	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private final TokenVerifier verifier;

	private final ObjectProvider<SessionStatus> sessions;

	IntrospectionController(TokenVerifier verifier, ObjectProvider<SessionStatus> sessions) {
		this.verifier = verifier;
		this.sessions = sessions;
	}

	/** RFC 7662 §2.1: the request is form-encoded. */
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = "application/json")
	Map<String, Object> introspectForm(@RequestParam(required = false) String token) {
		return introspect(token);
	}

	/** The same for clients that send JSON, as the rest of this API takes. */
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = "application/json")
	Map<String, Object> introspectJson(@RequestBody JsonNode body) {
		JsonNode token = (body != null) ? body.get("token") : null;
		return introspect((token != null && token.isString()) ? token.stringValue() : null);
	}

	private Map<String, Object> introspect(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return INACTIVE;
		}
		JWTClaimsSet claims = this.verifier.verify(token).orElse(null);
		if (claims == null || !sessionAlive(claims)) {
			return INACTIVE;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("token_type", "Bearer");
		claims.toJSONObject().forEach(answer::putIfAbsent);
		return answer;
	}

	private boolean sessionAlive(JWTClaimsSet claims) {
		Object sid = claims.getClaim("sid");
		SessionStatus status = this.sessions.getIfAvailable();
		return !(sid instanceof String sessionId) || status == null || status.isActive(sessionId);
	}

}
