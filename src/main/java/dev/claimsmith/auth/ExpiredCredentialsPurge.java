package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes refresh tokens and pending authentications a day after they expire, and the
 * sessions that are left without a refresh token, so these tables hold what can still be
 * redeemed rather than every credential ever issued; and the login throttle's counters
 * whose window has ended (they count as zero already). Runs every
 * {@code claimsmith.sessions.purge-interval} on every instance: deleting is idempotent,
 * so instances that overlap only repeat work. Works in batches of {@value #BATCH}, each
 * its own short transaction, so a large backlog never holds locks for long.
 */
@Component
class ExpiredCredentialsPurge implements SchedulingConfigurer {

	static final int BATCH = 500;

	/**
	 * How long after expiry a credential is kept. Meanwhile a spent refresh token still
	 * revokes its session when replayed, and a refresh that passed its expiry check just
	 * before a purge still finds its session afterwards.
	 */
	static final Duration RETENTION = Duration.ofDays(1);

	private static final Logger logger = LoggerFactory.getLogger(ExpiredCredentialsPurge.class);

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Duration interval;

	ExpiredCredentialsPurge(JdbcClient jdbc, TransactionOperations transactions, Clock clock,
			SessionProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.interval = properties.purgeInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, this.interval, this.interval));
	}

	void scheduled() {
		try {
			Purged purged = purge(this.clock.instant());
			if (purged.any()) {
				logger.info(
						"Purged {} expired refresh tokens, {} ended sessions, {} expired pending authentications"
								+ " and {} ended login-failure windows",
						purged.refreshTokens(), purged.sessions(), purged.pendingAuthentications(),
						purged.loginFailures());
			}
		}
		catch (DataAccessException ex) {
			// The next run picks up where this one stopped: every batch is committed.
			logger.warn("Purging expired credentials failed; the next run retries: {}", ex.getMessage());
		}
	}

	/**
	 * Purges credentials that expired more than {@link #RETENTION} before {@code now},
	 * and login-failure windows that ended before it.
	 */
	Purged purge(Instant now) {
		Timestamp cutoff = Timestamp.from(now.minus(RETENTION));
		Purged purged = new Purged(0, 0, 0, 0);
		Batch batch;
		do {
			batch = Objects.requireNonNull(this.transactions.execute((status) -> refreshTokenBatch(cutoff)));
			purged = purged.plus(batch.refreshTokens(), batch.sessions(), 0, 0);
		}
		while (batch.found() == BATCH);
		int pending;
		do {
			pending = this.jdbc.sql("DELETE FROM pending_authentication WHERE token_hash IN (SELECT token_hash"
					+ " FROM pending_authentication WHERE expires_at < :cutoff FETCH FIRST " + BATCH + " ROWS ONLY)")
				.param("cutoff", cutoff)
				.update();
			purged = purged.plus(0, 0, pending, 0);
		}
		while (pending == BATCH);
		int windows;
		do {
			// Ended windows only: a counter whose window is still open may be
			// incremented right now by a sign-in on any instance.
			windows = this.jdbc
				.sql("DELETE FROM login_failure WHERE throttle_key IN (SELECT throttle_key"
						+ " FROM login_failure WHERE window_ends_at < :now FETCH FIRST " + BATCH + " ROWS ONLY)")
				.param("now", Timestamp.from(now))
				.update();
			purged = purged.plus(0, 0, 0, windows);
		}
		while (windows == BATCH);
		return purged;
	}

	/**
	 * One batch of expired refresh tokens, then those of their sessions that no refresh
	 * token is left for. A session lives on through rotation, so only its last token's
	 * expiry ends it.
	 */
	private Batch refreshTokenBatch(Timestamp cutoff) {
		List<Expired> expired = this.jdbc
			.sql("SELECT token_hash, session_id FROM refresh_token WHERE expires_at < :cutoff FETCH FIRST " + BATCH
					+ " ROWS ONLY")
			.param("cutoff", cutoff)
			.query((row, number) -> new Expired(row.getString(1), row.getString(2)))
			.list();
		if (expired.isEmpty()) {
			return new Batch(0, 0, 0);
		}
		int tokens = this.jdbc.sql("DELETE FROM refresh_token WHERE token_hash IN (:hashes)")
			.param("hashes", expired.stream().map(Expired::hash).toList())
			.update();
		int sessions = this.jdbc
			.sql("DELETE FROM auth_session WHERE id IN (:ids)"
					+ " AND NOT EXISTS (SELECT 1 FROM refresh_token t WHERE t.session_id = auth_session.id)")
			.param("ids", expired.stream().map(Expired::sessionId).distinct().toList())
			.update();
		return new Batch(expired.size(), tokens, sessions);
	}

	/** What one run deleted. */
	record Purged(int refreshTokens, int sessions, int pendingAuthentications, int loginFailures) {

		boolean any() {
			return this.refreshTokens + this.sessions + this.pendingAuthentications + this.loginFailures > 0;
		}

		Purged plus(int refreshTokens, int sessions, int pendingAuthentications, int loginFailures) {
			return new Purged(this.refreshTokens + refreshTokens, this.sessions + sessions,
					this.pendingAuthentications + pendingAuthentications, this.loginFailures + loginFailures);
		}

	}

	private record Expired(String hash, String sessionId) {
	}

	private record Batch(int found, int refreshTokens, int sessions) {
	}

}
