package dev.claimsmith.auth;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/** Nothing secret reaches the logs, even with DEBUG logging on. */
@AuthApiTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLoggingApiTest {

	private static final String[] VERBOSE = { "dev.claimsmith", "org.springframework.web" };

	@Autowired
	ApiClient api;

	@Autowired
	LoggingSystem loggingSystem;

	AuthClient auth;

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(this.api);
	}

	/** From here on, DEBUG: Spring MVC then logs request bodies and much else. */
	private void logEverything() {
		for (String logger : VERBOSE) {
			this.loggingSystem.setLogLevel(logger, LogLevel.DEBUG);
		}
	}

	@AfterEach
	void restoreLogLevels() {
		for (String logger : VERBOSE) {
			this.loggingSystem.setLogLevel(logger, null);
		}
	}

	@Test
	void fullFlowThenNoPasswordTokenOrApiKeyIsLogged(CapturedOutput output) {
		logEverything();
		String email = email();
		String userId = this.auth.user(email, Map.of("tier", "gold"));
		String first = this.auth.organization(Map.of("plan", "pro"));
		this.auth.membership(userId, first);
		this.auth.membership(userId, this.auth.organization(Map.of()));
		String ip = ip();
		Response wrong = this.auth.password(email, "wrong-password-" + ApiClient.unique(), ip);
		Response selection = this.auth.password(email, PASSWORD, ip);
		Response signedIn = this.auth.password(email, PASSWORD, ip, Map.of("organization_id", first));
		Response refreshed = this.auth.refresh(signedIn.field("refresh_token"));
		Response reused = this.auth.refresh(signedIn.field("refresh_token"));
		Response rotatedDead = this.auth.refresh(refreshed.field("refresh_token"));

		assertThat(wrong.status()).isEqualTo(400);
		assertThat(selection.status()).isEqualTo(403);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(reused.status()).isEqualTo(400);
		assertThat(rotatedDead.status()).isEqualTo(400);
		assertThat(output.getAll()).as("DEBUG logging of requests is on")
			.contains("/user_management/authenticate")
			.contains("/user_management/users");
		assertThat(output.getAll()).doesNotContain(PASSWORD)
			.doesNotContain("wrong-password-")
			.doesNotContain(ApiClient.API_KEY)
			.doesNotContain(selection.field("pending_authentication_token"))
			.doesNotContain(signedIn.field("access_token"))
			.doesNotContain(signedIn.field("refresh_token"))
			.doesNotContain(refreshed.field("access_token"))
			.doesNotContain(refreshed.field("refresh_token"));
	}

	@Test
	void invitationFlowThenNoInvitationTokenIsLogged(CapturedOutput output) {
		logEverything();
		String email = email();
		String organization = this.auth.organization(Map.of());
		Response invited = this.auth.api()
			.post("/user_management/invitations", Map.of("email", email, "organization_id", organization));
		Response resent = this.auth.api().post("/user_management/invitations/" + invited.field("id") + "/resend", null);
		Response signedIn = this.auth.password(email, PASSWORD, ip(),
				Map.of("invitation_token", resent.field("token")));

		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(output.getAll()).as("DEBUG logging of requests is on").contains("/user_management/invitations");
		assertThat(output.getAll()).doesNotContain(invited.field("token"))
			.doesNotContain(resent.field("token"))
			.doesNotContain(PASSWORD)
			.doesNotContain(signedIn.field("refresh_token"));
	}

}
