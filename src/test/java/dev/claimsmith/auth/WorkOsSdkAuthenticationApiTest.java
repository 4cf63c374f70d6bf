package dev.claimsmith.auth;

import java.util.Map;

import com.workos.WorkOS;
import com.workos.common.exceptions.WorkOSException;
import com.workos.models.AuthenticateResponse;
import dev.claimsmith.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authentication flow through the official WorkOS Java SDK pointed at Claimsmith:
 * {@code authenticateWithPassword}, {@code authenticateWithRefreshToken},
 * {@code revokeSession}.
 */
@AuthApiTest
class WorkOsSdkAuthenticationApiTest {

	@Autowired
	ApiClient api;

	AuthClient auth;

	WorkOS workos;

	JwtDecoder jwks;

	@BeforeEach
	void setUp() {
		ApiClient api = this.api;
		this.auth = new AuthClient(api);
		this.workos = new WorkOS(ApiClient.API_KEY, AuthClient.CLIENT_ID, api.baseUrl());
		this.jwks = NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build();
	}

	@Test
	void passwordThenRefreshThenReuseFailsThroughTheSdk() {
		String plan = "sdk-" + unique();
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String orgId = this.auth.organization(Map.of("plan", plan));
		this.auth.membership(userId, orgId);

		AuthenticateResponse signedIn = this.workos.getUserManagement().authenticateWithPassword(email, PASSWORD);

		assertThat(signedIn.getUser().getId()).isEqualTo(userId);
		assertThat(signedIn.getUser().getLastSignInAt()).isNotNull();
		assertThat(signedIn.getOrganizationId()).isEqualTo(orgId);
		Jwt token = this.jwks.decode(signedIn.getAccessToken());
		assertThat(token.getClaimAsString("plan")).isEqualTo(plan);

		AuthenticateResponse refreshed = this.workos.getUserManagement()
			.authenticateWithRefreshToken(signedIn.getRefreshToken());

		assertThat(refreshed.getUser().getId()).isEqualTo(userId);
		assertThat(this.jwks.decode(refreshed.getAccessToken()).getClaimAsString("sid"))
			.isEqualTo(token.getClaimAsString("sid"));
		assertThatExceptionOfType(WorkOSException.class)
			.isThrownBy(() -> this.workos.getUserManagement().authenticateWithRefreshToken(signedIn.getRefreshToken()));
	}

	@Test
	void revokeSessionThroughTheSdkThenRefreshFails() {
		String email = email();
		this.auth.user(email, Map.of());
		AuthenticateResponse signedIn = this.workos.getUserManagement().authenticateWithPassword(email, PASSWORD);

		this.workos.getUserManagement()
			.revokeSession(this.jwks.decode(signedIn.getAccessToken()).getClaimAsString("sid"));

		assertThatExceptionOfType(WorkOSException.class)
			.isThrownBy(() -> this.workos.getUserManagement().authenticateWithRefreshToken(signedIn.getRefreshToken()));
	}

}
