package dev.claimsmith.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.claimsmith.keys.TokenVerifier;
import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.user.UserId;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.NoStore;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7662 token introspection for resource servers that would rather ask than verify.
 * Any token we did not sign, that has expired, or whose session was revoked is simply
 * {@code {"active":false}}; the reason is never disclosed. The token is read only from
 * the request body (RFC 7662 §2.1): one in the query string, where URLs are logged and
 * cached, is refused with 400 {@code invalid_request}, never looked at.
 * <p>
 * An active token's answer says whether its claims are stale ({@code claims_stale},
 * API.md "Stale-token detection"): the subject is loaded with the mint's own query (one
 * statement on primary keys and unique indexes) and its fingerprint compared with the one
 * the token carries (for a token without {@code org_id}, from a Clerk template, with its
 * session's organization). A subject that is gone, or no longer an active member, is
 * stale; so is a token without a fingerprint, minted before there were any.
 */
@RestController
@NoStore
class IntrospectionController {

	private static final Map<String, Object> INACTIVE = Map.of("active", false);

	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private final TokenVerifier verifier;

	private final ObjectProvider<SessionStatus> sessions;

	private final MintSubjects subjects;

	IntrospectionController(TokenVerifier verifier, ObjectProvider<SessionStatus> sessions, MintSubjects subjects) {
		this.verifier = verifier;
		this.sessions = sessions;
		this.subjects = subjects;
	}

	/** RFC 7662 §2.1: the request is form-encoded. */
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = "application/json")
	Map<String, Object> introspectForm(HttpServletRequest request) {
		refuseTokenInQuery(request);
		// Tomcat merges query and form parameters; with none in the query, all are the
		// form's.
		return introspect(request.getParameter("token"));
	}

	/** The same for clients that send JSON, as the rest of this API takes. */
	@PostMapping(path = "/oauth2/introspect", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = "application/json")
	Map<String, Object> introspectJson(@RequestBody JsonNode body, HttpServletRequest request) {
		refuseTokenInQuery(request);
		JsonNode token = (body != null) ? body.get("token") : null;
		return introspect((token != null && token.isString()) ? token.stringValue() : null);
	}

	private static void refuseTokenInQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return;
		}
		for (String parameter : query.split("&")) {
			String name = parameter.split("=", 2)[0];
			if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("token")) {
				throw ApiException.badRequest("invalid_request",
						"Send the token in the form-encoded request body, not in the query string.");
			}
		}
	}

	private Map<String, Object> introspect(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return INACTIVE;
		}
		JWTClaimsSet claims = this.verifier.verify(token).orElse(null);
		if (claims == null) {
			return INACTIVE;
		}
		Optional<SessionStatus.LiveSession> session = Optional.empty();
		SessionStatus status = this.sessions.getIfAvailable();
		if (claims.getClaim("sid") instanceof String sessionId && status != null) {
			session = status.live(sessionId);
			if (session.isEmpty()) {
				return INACTIVE;
			}
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("token_type", "Bearer");
		answer.put("claims_stale", claimsStale(claims, session));
		claims.toJSONObject().forEach(answer::putIfAbsent);
		return answer;
	}

	private boolean claimsStale(JWTClaimsSet claims, Optional<SessionStatus.LiveSession> session) {
		Object minted = claims.getClaim(ClaimsFingerprints.CLAIM);
		Object subject = claims.getClaim("sub");
		if (!(minted instanceof String fingerprint) || !(subject instanceof String userId)) {
			return true;
		}
		try {
			MintSubject current = this.subjects.load(new UserId(userId), organizationOf(claims, session));
			return !fingerprint.equals(current.fingerprint());
		}
		catch (ApiException ex) {
			// The user or organization is gone, or the user no longer an active member.
			return true;
		}
	}

	/**
	 * The token's {@code org_id}; a token without one (a Clerk template's) was minted for
	 * its session's organization, if any.
	 */
	private static OrganizationId organizationOf(JWTClaimsSet claims, Optional<SessionStatus.LiveSession> session) {
		if (claims.getClaim("org_id") instanceof String organizationId) {
			return new OrganizationId(organizationId);
		}
		return session.map(SessionStatus.LiveSession::organizationId).map(OrganizationId::new).orElse(null);
	}

}
