package dev.claimsmith.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code POST /user_management/authenticate}, over real HTTP. */
@AuthApiTest
class AuthenticationApiTest {

	@Autowired
	ApiClient api;

	AuthClient auth;

	JwtDecoder jwks;

	@BeforeEach
	void setUp() {
		ApiClient api = this.api;
		this.auth = new AuthClient(api);
		this.jwks = NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build();
	}

	@Test
	void fullFlowThenMetadataReachesClientsOnlyThroughClaimsAndRefreshTokensRotate() {
		String plan = "gold-" + unique();
		String tier = "tier-" + unique();
		String email = email();
		String orgId = this.auth.organization(Map.of("plan", plan));
		String userId = this.auth.user(email, Map.of("tier", tier));
		this.auth.membership(userId, orgId);

		Response signedIn = this.auth.password(email, PASSWORD, ip());

		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertThat(signedIn.text()).doesNotContain(plan).doesNotContain(tier);
		JsonNode body = signedIn.json();
		assertThat(body.get("organization_id").asString()).isEqualTo(orgId);
		assertThat(body.get("authentication_method").asString()).isEqualTo("Password");
		JsonNode user = body.get("user");
		assertThat(user.get("id").asString()).isEqualTo(userId);
		assertThat(user.get("object").asString()).isEqualTo("user");
		assertThat(user.get("last_sign_in_at").asString()).endsWith("Z");
		assertThat(user.propertyNames()).containsExactlyInAnyOrder("object", "id", "email", "email_verified",
				"first_name", "last_name", "profile_picture_url", "last_sign_in_at", "created_at", "updated_at");
		Jwt first = this.jwks.decode(body.get("access_token").asString());
		assertThat(first.getSubject()).isEqualTo(userId);
		assertThat(first.getClaimAsString("org_id")).isEqualTo(orgId);
		assertThat(first.getClaimAsString("sid")).startsWith("sess_");
		assertThat(first.getClaimAsString("plan")).isEqualTo(plan);
		assertThat(first.getClaimAsString("tier")).isEqualTo(tier);
		String firstRefresh = body.get("refresh_token").asString();
		assertThat(firstRefresh).hasSizeGreaterThanOrEqualTo(22);

		String upgraded = "platinum-" + unique();
		assertThat(
				this.auth.api().put("/organizations/" + orgId, Map.of("metadata", Map.of("plan", upgraded))).status())
			.isEqualTo(200);
		Response refreshed = this.auth.refresh(firstRefresh);

		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		assertThat(refreshed.text()).doesNotContain(upgraded).doesNotContain(tier);
		Jwt second = this.jwks.decode(refreshed.field("access_token"));
		assertThat(second.getClaimAsString("plan")).isEqualTo(upgraded);
		assertThat(second.getClaimAsString("sid")).isEqualTo(first.getClaimAsString("sid"));
		String rotated = refreshed.field("refresh_token");
		assertThat(rotated).isNotEqualTo(firstRefresh);

		Response reused = this.auth.refresh(firstRefresh);

		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.field("error")).isEqualTo("invalid_grant");
		assertThat(reused.field("error_description")).isNotBlank();
		Response successor = this.auth.refresh(rotated);
		assertThat(successor.status()).isEqualTo(400);
		assertThat(successor.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void passwordWhenEmailUnknownOrPasswordWrongThenByteIdenticalAnswers() {
		String email = email();
		this.auth.user(email, Map.of());
		String ip = ip();

		Response unknownEmail = this.auth.password(email(), PASSWORD, ip);
		Response wrongPassword = this.auth.password(email, "not the password", ip);

		assertThat(unknownEmail.status()).isEqualTo(400);
		assertThat(unknownEmail.field("code")).isEqualTo("invalid_credentials");
		assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status());
		assertThat(wrongPassword.text()).isEqualTo(unknownEmail.text());
		assertThat(wrongPassword.header("Content-Type")).isEqualTo(unknownEmail.header("Content-Type"));
		assertThat(wrongPassword.header("Content-Length")).isEqualTo(unknownEmail.header("Content-Length"));
	}

	@Test
	void refreshWhenConcurrentWithOneTokenThenExactlyOneSucceeds() throws Exception {
		String email = email();
		this.auth.user(email, Map.of());
		String refreshToken = this.auth.password(email, PASSWORD, ip()).field("refresh_token");
		int racers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Response>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				Callable<Response> racer = () -> {
					start.await();
					return this.auth.refresh(refreshToken);
				};
				results.add(pool.submit(racer));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> result : results) {
				statuses.add(result.get().status());
			}

			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status != 200).allMatch((status) -> status == 400);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refreshWhenMembershipDeactivatedThenInvalidGrant() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String membershipId = this.auth.membership(userId, this.auth.organization(Map.of()));
		String refreshToken = this.auth.password(email, PASSWORD, ip()).field("refresh_token");

		assertThat(this.auth.api()
			.put("/user_management/organization_memberships/" + membershipId + "/deactivate", Map.of())
			.status()).isEqualTo(200);
		Response refreshed = this.auth.refresh(refreshToken);

		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refreshWhenMembershipRemovedThenInvalidGrant() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String membershipId = this.auth.membership(userId, this.auth.organization(Map.of()));
		String refreshToken = this.auth.password(email, PASSWORD, ip()).field("refresh_token");

		this.auth.api().delete("/user_management/organization_memberships/" + membershipId);

		assertThat(this.auth.refresh(refreshToken).field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refreshWhenUserDeletedThenInvalidGrant() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String refreshToken = this.auth.password(email, PASSWORD, ip()).field("refresh_token");

		assertThat(this.auth.api().delete("/user_management/users/" + userId).status()).isEqualTo(200);
		Response refreshed = this.auth.refresh(refreshToken);

		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refreshWithoutClientSecretThenRotatesAndWithWrongSecretThenInvalidClient() {
		String email = email();
		this.auth.user(email, Map.of());
		String refreshToken = this.auth.password(email, PASSWORD, ip()).field("refresh_token");

		Response wrongSecret = this.auth.refresh(refreshToken, Map.of("client_secret", "sk_wrong"));
		Response noSecret = this.auth.api()
			.post("/user_management/authenticate", Map.of("grant_type", "refresh_token", "client_id",
					AuthClient.CLIENT_ID, "refresh_token", refreshToken));

		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.field("code")).isEqualTo("invalid_client");
		assertThat(noSecret.status()).as(noSecret.text()).isEqualTo(200);
	}

	@Test
	void passwordWhenUserHasNoMembershipThenTokenWithoutOrganization() {
		String email = email();
		this.auth.user(email, Map.of());

		Response signedIn = this.auth.password(email, PASSWORD, ip());

		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().get("organization_id").isNull()).isTrue();
		assertThat(this.jwks.decode(signedIn.field("access_token")).hasClaim("org_id")).isFalse();
	}

	@Test
	void passwordWhenSeveralOrganizationsAndNoneNamedThen403ListingThemAndSelectionGrantCompletes() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String first = this.auth.organization(Map.of("plan", "secret-" + unique()));
		String second = this.auth.organization(Map.of());
		this.auth.membership(userId, first);
		this.auth.membership(userId, second);

		Response selection = this.auth.password(email, PASSWORD, ip());

		assertThat(selection.status()).isEqualTo(403);
		JsonNode body = selection.json();
		assertThat(body.get("code").asString()).isEqualTo("organization_selection_required");
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(body.get("organizations")).hasSize(2);
		assertThat(body.get("organizations").get(0).propertyNames()).containsExactlyInAnyOrder("id", "name");
		assertThat(selection.text()).doesNotContain("secret-");
		String pending = body.get("pending_authentication_token").asString();

		Response chosen = this.auth.api()
			.post("/user_management/authenticate",
					Map.of("grant_type", OrganizationSelectionGrant.GRANT_TYPE, "client_id", AuthClient.CLIENT_ID,
							"client_secret", ApiClient.API_KEY, "pending_authentication_token", pending,
							"organization_id", second));

		assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
		assertThat(chosen.field("organization_id")).isEqualTo(second);
		assertThat(this.jwks.decode(chosen.field("access_token")).getClaimAsString("org_id")).isEqualTo(second);
		Response again = this.auth.api()
			.post("/user_management/authenticate",
					Map.of("grant_type", OrganizationSelectionGrant.GRANT_TYPE, "client_id", AuthClient.CLIENT_ID,
							"client_secret", ApiClient.API_KEY, "pending_authentication_token", pending,
							"organization_id", second));
		assertThat(again.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void passwordWhenOrganizationNamedThenThatOneAndWhenNotAMemberThen403() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String first = this.auth.organization(Map.of());
		String second = this.auth.organization(Map.of());
		this.auth.membership(userId, first);
		this.auth.membership(userId, second);

		Response named = this.auth.password(email, PASSWORD, ip(), Map.of("organization_id", second));
		Response stranger = this.auth.password(email, PASSWORD, ip(),
				Map.of("organization_id", this.auth.organization(Map.of())));

		assertThat(named.status()).isEqualTo(200);
		assertThat(named.field("organization_id")).isEqualTo(second);
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.field("code")).isEqualTo("organization_membership_required");
	}

	@Test
	void refreshWithOrganizationIdThenSwitchesWithinTheSession() {
		String email = email();
		String userId = this.auth.user(email, Map.of());
		String first = this.auth.organization(Map.of());
		String second = this.auth.organization(Map.of());
		this.auth.membership(userId, first);
		this.auth.membership(userId, second);
		Response signedIn = this.auth.password(email, PASSWORD, ip(), Map.of("organization_id", first));

		Response switched = this.auth.refresh(signedIn.field("refresh_token"), Map.of("organization_id", second));

		assertThat(switched.status()).isEqualTo(200);
		assertThat(switched.field("organization_id")).isEqualTo(second);
		Jwt token = this.jwks.decode(switched.field("access_token"));
		assertThat(token.getClaimAsString("org_id")).isEqualTo(second);
		assertThat(token.getClaimAsString("sid"))
			.isEqualTo(this.jwks.decode(signedIn.field("access_token")).getClaimAsString("sid"));
	}

	@Test
	void authenticateWhenClientWrongThen401InvalidClient() {
		String email = email();
		this.auth.user(email, Map.of());

		Response wrongId = this.auth.password(email, PASSWORD, ip(), Map.of("client_id", "client_other"));
		Response wrongSecret = this.auth.password(email, PASSWORD, ip(), Map.of("client_secret", "sk_nope"));
		Response noSecret = this.auth.api()
			.post("/user_management/authenticate", Map.of("grant_type", "password", "client_id", AuthClient.CLIENT_ID,
					"email", email, "password", PASSWORD));

		assertThat(List.of(wrongId, wrongSecret, noSecret)).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.field("code")).isEqualTo("invalid_client");
		});
	}

	@Test
	void authenticateWhenGrantUnknownThen400UnsupportedGrantType() {
		Response response = this.auth.api()
			.post("/user_management/authenticate", Map.of("grant_type", "client_credentials", "client_id",
					AuthClient.CLIENT_ID, "client_secret", ApiClient.API_KEY));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.field("code")).isEqualTo("unsupported_grant_type");
	}

	@Test
	void authenticateWhenRefreshTokenUnknownThenInvalidGrant() {
		Response response = this.auth.refresh("not-a-token-we-issued");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.field("error")).isEqualTo("invalid_grant");
		assertThat(response.text()).doesNotContain("not-a-token-we-issued");
	}

	@Test
	void revokeSessionThenItsRefreshTokenIsDead() {
		String email = email();
		this.auth.user(email, Map.of());
		Response signedIn = this.auth.password(email, PASSWORD, ip());
		String sessionId = this.jwks.decode(signedIn.field("access_token")).getClaimAsString("sid");
		assertThat(this.auth.api()
			.post("/oauth2/introspect", Map.of("token", signedIn.field("access_token")))
			.json()
			.get("active")
			.asBoolean()).isTrue();

		Response anonymous = this.auth.api()
			.withApiKey(null)
			.post("/user_management/sessions/revoke", Map.of("session_id", sessionId));
		Response revoked = this.auth.api().post("/user_management/sessions/revoke", Map.of("session_id", sessionId));
		Response unknown = this.auth.api()
			.post("/user_management/sessions/revoke", Map.of("session_id", "sess_01HXXXXXXXXXXXXXXXXXXXXXXX"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(this.auth.api()
			.post("/oauth2/introspect", Map.of("token", signedIn.field("access_token")))
			.json()
			.get("active")
			.asBoolean()).as("introspection of a token of the revoked session").isFalse();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.auth.refresh(signedIn.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
	}

}
