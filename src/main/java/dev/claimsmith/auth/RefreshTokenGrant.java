package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Instant;

import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.store.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code refresh_token} grant (RFC 6749 section 6, rotation as in the OAuth 2.0
 * Security BCP section 4.14): spends the token, mints from current data, hands out its
 * successor. Presenting a spent token revokes the whole session, successor included.
 */
@Component
class RefreshTokenGrant {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenGrant.class);

	private final RefreshTokens refreshTokens;

	private final Sessions sessions;

	private final SessionIssuer issuer;

	private final MembershipService memberships;

	private final TransactionOperations transactions;

	private final Clock clock;

	RefreshTokenGrant(RefreshTokens refreshTokens, Sessions sessions, SessionIssuer issuer,
			MembershipService memberships, TransactionOperations transactions, Clock clock) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.issuer = issuer;
		this.memberships = memberships;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Spends a refresh token for a new access token and refresh token.
	 * @param organizationId the organization to switch to, or null to stay in the bound
	 * one
	 * @throws InvalidGrantException for a token that is unknown, spent, expired, of a
	 * revoked session or another client, or whose user is no longer an active member
	 */
	Authentication authenticate(String token, String clientId, String organizationId) {
		RefreshTokens.Stored stored = this.refreshTokens.find(token)
			.orElseThrow(() -> new InvalidGrantException("The refresh token is invalid."));
		Instant now = Timestamps.now(this.clock);
		RefreshTokens.Binding binding = stored.binding();
		if (stored.used()) {
			revokeAfterReuse(binding.sessionId(), now);
			throw new InvalidGrantException("The refresh token has already been used; its session is revoked.");
		}
		if (stored.sessionRevoked()) {
			throw new InvalidGrantException("The session of the refresh token has been revoked.");
		}
		if (!binding.clientId().equals(clientId)) {
			throw new InvalidGrantException("The refresh token was issued to another client.");
		}
		if (!now.isBefore(stored.expiresAt())) {
			throw new InvalidGrantException("The refresh token has expired.");
		}
		String organization = (organizationId != null) ? organizationId : binding.organizationId();
		return this.transactions.execute((status) -> {
			if (!this.refreshTokens.spend(stored)) {
				// Lost a race with a concurrent refresh (or a revocation): not a replay
				// we
				// can prove, so the session stays.
				throw new InvalidGrantException("The refresh token has already been used.");
			}
			if (organization != null && this.memberships.findActive(binding.userId(), organization).isEmpty()) {
				throw new InvalidGrantException("The user is not an active member of the organization.");
			}
			return this.issuer.resume(binding, organization);
		});
	}

	/** Commits on its own: the error answer must not roll the revocation back. */
	private void revokeAfterReuse(String sessionId, Instant now) {
		this.transactions.executeWithoutResult((status) -> this.sessions.revoke(sessionId, now));
		logger.warn("A spent refresh token of session {} was presented again; the session is revoked", sessionId);
	}

}
