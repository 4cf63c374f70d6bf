package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.auth.ExpiredCredentialsPurge.Purged;
import dev.claimsmith.store.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of expired credentials, on each database. It is called with a "now" of the
 * test's own rather than by moving the shared clock, which would change every token the
 * shared context mints; a purge that far ahead also clears other tests' credentials,
 * which no test keeps beyond itself.
 */
@AuthApiTest
class ExpiredCredentialsPurgeApiTest {

	@Autowired
	ApiClient api;

	@Autowired
	ExpiredCredentialsPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ScheduledTaskHolder> schedules;

	AuthClient auth;

	JwtDecoder jwks;

	@BeforeEach
	void setUp() {
		ApiClient api = this.api;
		this.auth = new AuthClient(api);
		this.jwks = NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build();
	}

	@Test
	void refreshTokensGoADayAfterExpiryAndTheSessionWithTheLastOfThem() throws InterruptedException {
		String email = email();
		this.auth.user(email, Map.of());
		Response signedIn = this.auth.password(email, PASSWORD, ip());
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		String sessionId = this.jwks.decode(signedIn.field("access_token")).getClaimAsString("sid");
		Thread.sleep(20); // the rotated token must expire measurably later than the spent
							// one
		Response refreshed = this.auth.refresh(signedIn.field("refresh_token"));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		List<Instant> expiries = expiriesOf(sessionId);
		assertThat(expiries).hasSize(2);
		Instant spentExpiry = expiries.get(0);
		Instant liveExpiry = expiries.get(1);
		assertThat(liveExpiry).isAfter(spentExpiry);

		this.purge.purge(spentExpiry.plus(ExpiredCredentialsPurge.RETENTION).minusSeconds(1));
		assertThat(expiriesOf(sessionId)).as("kept until a day past expiry").hasSize(2);

		Instant betweenTheTwo = spentExpiry.plus(Duration.between(spentExpiry, liveExpiry).dividedBy(2));
		Purged spentOnly = this.purge.purge(betweenTheTwo.plus(ExpiredCredentialsPurge.RETENTION));
		assertThat(spentOnly.refreshTokens()).isPositive();
		assertThat(expiriesOf(sessionId)).containsExactly(liveExpiry);
		assertThat(sessionExists(sessionId)).as("a session lives while a refresh token does").isTrue();

		Purged all = this.purge.purge(liveExpiry.plus(ExpiredCredentialsPurge.RETENTION).plusSeconds(1));
		assertThat(all.refreshTokens()).isPositive();
		assertThat(all.sessions()).isPositive();
		assertThat(expiriesOf(sessionId)).isEmpty();
		assertThat(sessionExists(sessionId)).isFalse();
		// A purged refresh token is just unknown: the usual invalid_grant, not a server
		// error.
		Response replayed = this.auth.refresh(refreshed.field("refresh_token"));
		assertThat(replayed.status()).as(replayed.text()).isEqualTo(400);
		assertThat(replayed.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void pendingAuthenticationsGoADayAfterExpiry() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		this.auth.membership(userId, this.auth.organization(Map.of()));
		this.auth.membership(userId, this.auth.organization(Map.of()));
		Response selection = this.auth.password(email, PASSWORD, ip());
		assertThat(selection.status()).as(selection.text()).isEqualTo(403);
		Instant expiry = this.jdbc.sql("SELECT expires_at FROM pending_authentication WHERE user_id = :userId")
			.param("userId", userId)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();

		this.purge.purge(expiry.plus(ExpiredCredentialsPurge.RETENTION).minusSeconds(1));
		assertThat(pendingOf(userId)).isOne();

		Purged purged = this.purge.purge(expiry.plus(ExpiredCredentialsPurge.RETENTION).plusSeconds(1));
		assertThat(purged.pendingAuthentications()).isPositive();
		assertThat(pendingOf(userId)).isZero();
	}

	@Test
	void loginFailureCountersGoOnceTheirWindowEnds() {
		String email = email();
		this.auth.user(email, Map.of());
		String ip = ip();
		assertThat(this.auth.password(email, "wrong", ip).status()).isEqualTo(400);
		Instant windowEnd = this.jdbc.sql("SELECT window_ends_at FROM login_failure WHERE throttle_key = :key")
			.param("key", LoginThrottle.ipKey(ip))
			.query(OffsetDateTime.class)
			.single()
			.toInstant();

		this.purge.purge(windowEnd.minusSeconds(1));
		assertThat(failureCountersOf(ip)).as("an open window is kept").isOne();

		Purged purged = this.purge.purge(windowEnd.plusSeconds(1));
		assertThat(purged.loginFailures()).isPositive();
		assertThat(failureCountersOf(ip)).isZero();
	}

	@Test
	void batchesUntilNothingIsLeft() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String first = null;
		int signIns = ExpiredCredentialsPurge.BATCH + 3;
		Instant start = Instant.now();
		for (int i = 0; i < signIns; i++) {
			// Straight into the table: signing in this often would take long and trip the
			// throttle.
			String sessionId = Ids.next("sess");
			this.jdbc
				.sql("INSERT INTO auth_session (id, user_id, client_id, organization_id, created_at, revoked_at)"
						+ " VALUES (:id, :userId, 'client_claimsmith', NULL, :now, NULL)")
				.param("id", sessionId)
				.param("userId", userId)
				.param("now", Timestamp.from(start))
				.update();
			this.jdbc
				.sql("INSERT INTO refresh_token (token_hash, session_id, user_id, client_id, organization_id, used,"
						+ " created_at, expires_at) VALUES (:hash, :sessionId, :userId, 'client_claimsmith', NULL,"
						+ " FALSE, :now, :now)")
				.param("hash", OpaqueTokens.hash(OpaqueTokens.generate()))
				.param("sessionId", sessionId)
				.param("userId", userId)
				.param("now", Timestamp.from(start))
				.update();
			first = (first != null) ? first : sessionId;
		}

		Purged purged = this.purge.purge(start.plus(ExpiredCredentialsPurge.RETENTION).plusSeconds(1));

		assertThat(purged.refreshTokens()).isGreaterThanOrEqualTo(signIns);
		assertThat(purged.sessions()).isGreaterThanOrEqualTo(signIns);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM auth_session WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single()).isZero();
		assertThat(sessionExists(first)).isFalse();
	}

	@Test
	void runsOnItsOwnEveryPurgeIntervalAfterOneInterval() {
		assertThat(this.schedules.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.map(ScheduledTask::getTask)
			.anySatisfy((task) -> {
				assertThat(task).isInstanceOf(FixedDelayTask.class);
				assertThat(((FixedDelayTask) task).getIntervalDuration()).isEqualTo(Duration.ofHours(1));
				assertThat(((FixedDelayTask) task).getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
			});
	}

	private List<Instant> expiriesOf(String sessionId) {
		return this.jdbc.sql("SELECT expires_at FROM refresh_token WHERE session_id = :sessionId ORDER BY expires_at")
			.param("sessionId", sessionId)
			.query(OffsetDateTime.class)
			.list()
			.stream()
			.map(OffsetDateTime::toInstant)
			.toList();
	}

	private boolean sessionExists(String sessionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM auth_session WHERE id = :id")
			.param("id", sessionId)
			.query(Long.class)
			.single() > 0;
	}

	private long failureCountersOf(String ip) {
		return this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE throttle_key = :key")
			.param("key", LoginThrottle.ipKey(ip))
			.query(Long.class)
			.single();
	}

	private long pendingOf(String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pending_authentication WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

}
