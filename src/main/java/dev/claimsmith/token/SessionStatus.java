package dev.claimsmith.token;

/**
 * Whether the session a token belongs to is still alive, so introspection can report a
 * token of a revoked session as inactive. Implemented by the module that owns sessions;
 * without one, a token's session is not checked.
 */
public interface SessionStatus {

	boolean isActive(String sessionId);

}
