package dev.claimsmith.auth;

import java.time.Duration;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/** Throttling of failed password attempts, with the defaults, over real HTTP. */
@AuthApiTest
class LoginThrottleApiTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	AuthClient auth;

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(new ApiClient(this.port));
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

}
