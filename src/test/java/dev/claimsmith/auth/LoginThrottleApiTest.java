package dev.claimsmith.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/** Throttling of failed password attempts, with the defaults, over real HTTP. */
@AuthApiTest
class LoginThrottleApiTest {

	@Autowired
	ApiClient api;

	@Autowired
	MutableClock clock;

	AuthClient auth;

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(this.api);
	}

	@Test
	void passwordWhenFiveFailuresFromOneIpThen429UntilTheWindowEndsWhileTheRealUserStillSignsIn() {
		String email = email();
		this.auth.user(email, Map.of());
		String attacker = ip();
		for (int i = 0; i < 5; i++) {
			assertThat(this.auth.password(email, "guess " + i, attacker).status()).isEqualTo(400);
		}

		Response throttled = this.auth.password(email, PASSWORD, attacker);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.field("code")).isEqualTo("rate_limit_exceeded");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
		assertThat(this.auth.password(email, PASSWORD, ip()).status()).as("the real user, elsewhere").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.auth.password(email, "guess again", attacker).status()).isEqualTo(400);
	}

	@Test
	void passwordWhenAccountAttackedFromManyIpsThenACleanIpStillSignsIn() {
		String email = email();
		this.auth.user(email, Map.of());
		String[] attackers = { ip(), ip(), ip() };
		for (String attacker : attackers) {
			for (int i = 0; i < 4; i++) {
				this.auth.password(email, "guess " + i, attacker);
			}
		}

		Response heldBack = this.auth.password(email, "guess", attackers[0]);
		Response realUser = this.auth.password(email, PASSWORD, ip());

		assertThat(heldBack.status()).isEqualTo(429);
		assertThat(Long.parseLong(heldBack.header("Retry-After"))).isLessThanOrEqualTo(300L);
		assertThat(realUser.status()).isEqualTo(200);
	}

	@Test
	void passwordWhenThrottledThenEvenTheRightPasswordWaitsAndAnswersTheSame() {
		String email = email();
		this.auth.user(email, Map.of());
		String ip = ip();
		for (int i = 0; i < 5; i++) {
			this.auth.password(email, "guess " + i, ip);
		}

		Response right = this.auth.password(email, PASSWORD, ip);
		Response unknown = this.auth.password(email(), PASSWORD, ip);

		assertThat(right.status()).isEqualTo(429);
		assertThat(unknown.status()).as("a new account from the same IP is not throttled by this account")
			.isEqualTo(400);
	}

	@Test
	void passwordWhenFailuresRaceThenExactlyTheBudgetIsAnswered400AndTheRest429() throws Exception {
		String email = email();
		this.auth.user(email, Map.of());
		String attacker = ip();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				String guess = "guess " + i;
				statuses.add(threads.submit(() -> {
					start.await();
					return this.auth.password(email, guess, attacker).status();
				}));
			}
			start.countDown();
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get());
			}
			assertThat(answered).as("the default budget of one IP at one account is 5").containsOnly(400, 429);
			assertThat(answered.stream().filter((status) -> status == 400)).hasSize(5);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
