package dev.claimsmith.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.claimsmith.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules, each test on a database of its own (an in-memory H2 with the
 * service's migrations); {@link LoginThrottleApiTest} and the two-instance test run it on
 * PostgreSQL too.
 */
class LoginThrottleTests {

	private final MutableClock clock = MutableClock.ticking();

	private final JdbcDataSource database = migratedDatabase();

	private final LoginThrottle throttle = new LoginThrottle(
			new ThrottleProperties(3, Duration.ofMinutes(5), 6, Duration.ofMinutes(1), 10, Duration.ofMinutes(15)),
			JdbcClient.create(this.database), new TransactionTemplate(new JdbcTransactionManager(this.database)),
			this.clock);

	@Test
	void acquireWhenSourceFailedTooOftenThenWaitsUntilItsWindowEnds() {
		fail("10.0.0.1", "jane@example.com", 3);

		assertThat(this.throttle.acquire("10.0.0.1", "jane@example.com"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.acquire("10.0.0.1", "jane@example.com")).isEmpty();
	}

	@Test
	void acquireWhenAttackerFailedThenVictimFromOtherIpIsNotHeldBack() {
		fail("10.0.0.1", "joe@example.com", 3);

		assertThat(this.throttle.acquire("10.0.0.2", "joe@example.com")).isEmpty();
	}

	@Test
	void acquireWhenAccountUnderAttackThenOnlyIpsThatFailedAgainstItWaitAndOnlyForTheAccountWindow() {
		fail("10.0.1.1", "ann@example.com", 2);
		fail("10.0.1.2", "ann@example.com", 2);
		fail("10.0.1.3", "ann@example.com", 2);

		assertThat(this.throttle.acquire("10.0.1.3", "ann@example.com"))
			.hasValueSatisfying((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1)));
		assertThat(this.throttle.acquire("10.0.1.9", "ann@example.com")).as("a clean IP, like the real user's")
			.isEmpty();
		this.throttle.succeeded("10.0.1.9", "ann@example.com");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.throttle.acquire("10.0.1.3", "ann@example.com")).isEmpty();
	}

	@Test
	void acquireWhenIpSprayedManyAccountsThenIpWaits() {
		for (int i = 0; i < 10; i++) {
			fail("10.0.2.1", "user" + i + "@example.com", 1);
		}

		assertThat(this.throttle.acquire("10.0.2.1", "someone-else@example.com")).isPresent();
		assertThat(this.throttle.acquire("10.0.2.2", "someone-else@example.com")).isEmpty();
	}

	@Test
	void succeededThenClearsTheAccountCountersButAttemptsAreCountedCaseInsensitively() {
		fail("10.0.3.1", "Kim@Example.com", 2);
		this.throttle.succeeded("10.0.3.1", "kim@example.com");
		fail("10.0.3.1", "kim@example.com", 2);

		assertThat(this.throttle.acquire("10.0.3.1", "KIM@example.com")).isEmpty();
		assertThat(this.throttle.acquire("10.0.3.1", "kim@example.com")).isPresent();
	}

	@Test
	void acquireWhenManyAttemptsRaceThenExactlyTheLimitGetsThrough() throws Exception {
		int attempts = 24;
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Optional<Duration>>> results = new ArrayList<>();
		try {
			for (int i = 0; i < attempts; i++) {
				results.add(threads.submit(() -> {
					start.await();
					return this.throttle.acquire("10.0.4.1", "race@example.com");
				}));
			}
			start.countDown();
			int admitted = 0;
			for (Future<Optional<Duration>> result : results) {
				admitted += result.get().isEmpty() ? 1 : 0;
			}
			assertThat(admitted).as("no increment lost, none slipped past the limit").isEqualTo(3);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void fail(String ip, String account, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(this.throttle.acquire(ip, account)).isEmpty();
		}
	}

	private static JdbcDataSource migratedDatabase() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		return database;
	}

}
