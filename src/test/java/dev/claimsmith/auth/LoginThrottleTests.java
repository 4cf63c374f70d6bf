package dev.claimsmith.auth;

import java.time.Duration;

import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = MutableClock.ticking();

	private final LoginThrottle throttle = new LoginThrottle(
			new ThrottleProperties(3, Duration.ofMinutes(5), 6, Duration.ofMinutes(1), 10, Duration.ofMinutes(15)),
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

	private void fail(String ip, String account, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(this.throttle.acquire(ip, account)).isEmpty();
		}
	}

}
