package dev.claimsmith.selfservice;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.claimsmith.keys.TokenVerifier;
import dev.claimsmith.token.SessionStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Authenticates {@code /me} the way a resource server would: the bearer token must be an
 * access token we signed (signature, {@code iss}, {@code exp}, by {@link TokenVerifier})
 * with a {@code sub}, and the session it names in {@code sid}, if any, must not be
 * revoked. An API key is not a user and is refused like any other non-token.
 */
@Component
class AccessTokenAuthentication {

	private static final String BEARER = "Bearer ";

	private final TokenVerifier verifier;

	private final ObjectProvider<SessionStatus> sessions;

	AccessTokenAuthentication(TokenVerifier verifier, ObjectProvider<SessionStatus> sessions) {
		this.verifier = verifier;
		this.sessions = sessions;
	}

	/**
	 * The user the request's {@code Authorization} header speaks for.
	 * @throws NotSignedInException for a missing, invalid, expired or revoked token
	 */
	SignedInUser authenticate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new NotSignedInException("Missing access token: send 'Authorization: Bearer <access token>'.");
		}
		JWTClaimsSet claims = this.verifier.verify(authorization.substring(BEARER.length()).trim())
			.orElseThrow(() -> new NotSignedInException(
					"The access token is invalid or expired (an API key cannot be used for /me)."));
		String userId = claims.getSubject();
		if (userId == null) {
			throw new NotSignedInException("The access token names no user.");
		}
		if (!sessionAlive(claims.getClaim("sid"))) {
			throw new NotSignedInException("The session of this access token has been revoked.");
		}
		Object organizationId = claims.getClaim("org_id");
		return new SignedInUser(userId, (organizationId instanceof String id) ? id : null);
	}

	private boolean sessionAlive(Object sid) {
		SessionStatus status = this.sessions.getIfAvailable();
		return !(sid instanceof String sessionId) || status == null || status.isActive(sessionId);
	}

}
