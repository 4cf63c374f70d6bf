package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens: opaque, stored as hashes, bound to a session, a client and an
 * organization, spent once. Callers supply the transaction.
 */
@Component
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token for the session; the caller hands it out once, it is not kept. */
	String issue(Binding binding, Instant now, Instant expiresAt) {
		String token = OpaqueTokens.generate();
		this.jdbc
			.sql("INSERT INTO refresh_token (token_hash, session_id, user_id, client_id, organization_id, used,"
					+ " created_at, expires_at) VALUES (:hash, :sessionId, :userId, :clientId, :organizationId, FALSE,"
					+ " :createdAt, :expiresAt)")
			.param("hash", OpaqueTokens.hash(token))
			.param("sessionId", binding.sessionId())
			.param("userId", binding.userId())
			.param("clientId", binding.clientId())
			.param("organizationId", binding.organizationId())
			.param("createdAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
		return token;
	}

	Optional<Stored> find(String token) {
		return this.jdbc
			.sql("SELECT t.token_hash, t.session_id, t.user_id, t.client_id, t.organization_id, t.used, t.expires_at,"
					+ " s.revoked_at FROM refresh_token t JOIN auth_session s ON s.id = t.session_id"
					+ " WHERE t.token_hash = :hash")
			.param("hash", OpaqueTokens.hash(token))
			.query((rs, row) -> new Stored(rs.getString("token_hash"),
					new Binding(rs.getString("session_id"), rs.getString("user_id"), rs.getString("client_id"),
							rs.getString("organization_id")),
					rs.getBoolean("used"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
					rs.getObject("revoked_at", OffsetDateTime.class) != null))
			.optional();
	}

	/**
	 * Spends the token if it is unspent and its session not revoked. One conditional
	 * update: when two requests race with one token, the database lets exactly one of
	 * them change the row.
	 * @return whether this call spent it
	 */
	boolean spend(Stored token) {
		return this.jdbc
			.sql("UPDATE refresh_token SET used = TRUE WHERE token_hash = :hash AND used = FALSE"
					+ " AND session_id IN (SELECT id FROM auth_session WHERE revoked_at IS NULL)")
			.param("hash", token.hash())
			.update() == 1;
	}

	/** What a refresh token is bound to. */
	record Binding(String sessionId, String userId, String clientId, String organizationId) {
	}

	/** A stored token; {@code hash} is the SHA-256 of the token, never the token. */
	record Stored(String hash, Binding binding, boolean used, Instant expiresAt, boolean sessionRevoked) {
	}

}
