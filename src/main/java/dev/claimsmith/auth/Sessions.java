package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.claimsmith.store.Ids;
import dev.claimsmith.token.SessionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions ({@code sess_…}): one per successful authentication, carried in the
 * access token's {@code sid}, living on through refresh-token rotation until revoked.
 * Callers supply the transaction. As {@link SessionStatus} it lets introspection call a
 * token of a revoked (or deleted) session inactive.
 */
@Component
class Sessions implements SessionStatus {

	private final JdbcClient jdbc;

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String start(String userId, String clientId, String organizationId, Instant now) {
		String id = Ids.next("sess");
		this.jdbc
			.sql("INSERT INTO auth_session (id, user_id, client_id, organization_id, created_at, revoked_at)"
					+ " VALUES (:id, :userId, :clientId, :organizationId, :createdAt, NULL)")
			.param("id", id)
			.param("userId", userId)
			.param("clientId", clientId)
			.param("organizationId", organizationId)
			.param("createdAt", Timestamp.from(now))
			.update();
		return id;
	}

	/** Whether the session exists and is not revoked. */
	@Override
	public boolean isActive(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM auth_session WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public Optional<LiveSession> live(String id) {
		return this.jdbc
			.sql("SELECT id, user_id, organization_id FROM auth_session WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.query((row, number) -> new LiveSession(row.getString(1), row.getString(2), row.getString(3)))
			.optional();
	}

	/** Records the organization a refresh switched the session to. */
	void switchOrganization(String id, String organizationId) {
		this.jdbc.sql("UPDATE auth_session SET organization_id = :organizationId WHERE id = :id")
			.param("organizationId", organizationId)
			.param("id", id)
			.update();
	}

	/**
	 * Revokes the session, so none of its refresh tokens can be redeemed again. Access
	 * tokens already minted stay valid until they expire.
	 * @return whether the session exists (revoked now or before)
	 */
	boolean revoke(String id, Instant now) {
		this.jdbc.sql("UPDATE auth_session SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		return this.jdbc.sql("SELECT COUNT(*) FROM auth_session WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

}
