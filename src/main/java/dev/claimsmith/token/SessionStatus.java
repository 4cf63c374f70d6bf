package dev.claimsmith.token;

import java.util.Optional;

/**
 * Whether the session a token belongs to is still alive, so introspection can report a
 * token of a revoked session as inactive. Implemented by the module that owns sessions;
 * without one, a token's session is not checked.
 */
public interface SessionStatus {

	boolean isActive(String sessionId);

	/**
	 * The live (not revoked) session with this id: whom it signed in, and the
	 * organization it is in now. Another wire mints tokens for a session with it (Clerk's
	 * {@code POST /v1/sessions/{sid}/tokens/{template}}).
	 */
	Optional<LiveSession> live(String sessionId);

	/**
	 * A live session.
	 *
	 * @param organizationId the organization the session is in, or null
	 */
	record LiveSession(String id, String userId, String organizationId) {
	}

}
