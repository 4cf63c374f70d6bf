package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pending authentication tokens: proof that a user gave the right password but still has
 * to choose an organization. Opaque, stored as hashes, bound to the client, short-lived,
 * redeemed once. Callers supply the transaction.
 */
@Component
class PendingAuthentications {

	private final JdbcClient jdbc;

	PendingAuthentications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String issue(String userId, String clientId, Instant now, Instant expiresAt) {
		String token = OpaqueTokens.generate();
		this.jdbc
			.sql("INSERT INTO pending_authentication (token_hash, user_id, client_id, used, created_at, expires_at)"
					+ " VALUES (:hash, :userId, :clientId, FALSE, :createdAt, :expiresAt)")
			.param("hash", OpaqueTokens.hash(token))
			.param("userId", userId)
			.param("clientId", clientId)
			.param("createdAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
		return token;
	}

	/**
	 * Spends the token (once, even under races) and answers its user, or empty when it is
	 * unknown, spent, expired or was issued to another client.
	 */
	Optional<String> redeem(String token, String clientId, Instant now) {
		String hash = OpaqueTokens.hash(token);
		int spent = this.jdbc
			.sql("UPDATE pending_authentication SET used = TRUE WHERE token_hash = :hash AND used = FALSE"
					+ " AND client_id = :clientId AND expires_at > :now")
			.param("hash", hash)
			.param("clientId", clientId)
			.param("now", Timestamp.from(now))
			.update();
		if (spent != 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT user_id FROM pending_authentication WHERE token_hash = :hash")
			.param("hash", hash)
			.query(String.class)
			.optional();
	}

}
