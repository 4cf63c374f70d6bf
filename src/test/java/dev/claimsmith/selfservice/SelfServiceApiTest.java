package dev.claimsmith.selfservice;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@code GET /me} and {@code PATCH /me} over real HTTP: the user's own
 * access token (never an API key), only the public classes shown, only
 * {@code unsafe_metadata} written, writes throttled, CORS from configuration.
 */
@ApiTest
@TestPropertySource(properties = { "claimsmith.me.allowed-origins=https://app.example.com",
		"claimsmith.me.writes-per-window=" + SelfServiceApiTest.WRITE_BUDGET })
class SelfServiceApiTest {

	static final int WRITE_BUDGET = 6;

	private static final String PASSWORD = "correct horse battery staple";

	private static final String MERGE_PATCH = "application/merge-patch+json";

	@Autowired
	ApiClient api;

	@Test
	void showsTheSignedInUsersPublicClassesAndNeverAPrivateOne() {
		Subject subject = subject();

		Response me = me(subject.accessToken());

		assertThat(me.status()).as(me.text()).isEqualTo(200);
		assertThat(me.header("Content-Type")).startsWith("application/json");
		assertThat(me.header("Cache-Control")).contains("no-store");
		JsonNode body = me.json();
		assertThat(body.propertyNames()).containsExactly("object", "user", "organization", "organization_membership");
		assertThat(body.get("object").asString()).isEqualTo("me");
		JsonNode user = body.get("user");
		assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "email", "email_verified", "first_name",
				"last_name", "profile_picture_url", "public_metadata", "unsafe_metadata");
		assertThat(user.get("id").asString()).isEqualTo(subject.userId());
		assertThat(user.at("/public_metadata/plan/tier").asString()).isEqualTo("gold");
		assertThat(user.at("/unsafe_metadata/theme").asString()).isEqualTo("light");
		JsonNode organization = body.get("organization");
		assertThat(organization.propertyNames()).containsExactlyInAnyOrder("id", "name", "public_metadata");
		assertThat(organization.get("id").asString()).isEqualTo(subject.organizationId());
		assertThat(organization.at("/public_metadata/seats").asInt()).isEqualTo(25);
		JsonNode membership = body.get("organization_membership");
		assertThat(membership.propertyNames()).containsExactlyInAnyOrder("id", "role", "roles", "permissions",
				"public_metadata");
		assertThat(membership.at("/role/slug").asString()).isEqualTo("admin");
		assertThat(membership.get("permissions").toString()).contains("members:manage");
		assertThat(membership.at("/public_metadata/desk").asString()).isEqualTo("A7");
		for (String marker : subject.privateMarkers()) {
			assertThat(me.text()).doesNotContain(marker);
		}
	}

	@Test
	void aTokenWithoutAnOrganizationShowsNoOrganization() {
		Subject subject = subject();
		Response minted = this.api.post("/access_tokens", Map.of("user_id", subject.userId()));
		assertThat(minted.status()).as(minted.text()).isEqualTo(200);

		JsonNode body = me(minted.field("access_token")).json();

		assertThat(body.get("user").get("id").asString()).isEqualTo(subject.userId());
		assertThat(body.get("organization").isNull()).isTrue();
		assertThat(body.get("organization_membership").isNull()).isTrue();
	}

	@Test
	void aMembershipNoLongerActiveIsNotShown() {
		Subject subject = subject();
		Response deactivated = this.api
			.put("/user_management/organization_memberships/" + subject.membershipId() + "/deactivate", Map.of());
		assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);

		JsonNode body = me(subject.accessToken()).json();

		assertThat(body.get("organization").isNull()).isTrue();
		assertThat(body.get("organization_membership").isNull()).isTrue();
	}

	@Test
	void refusesApiKeysMissingTamperedAndRevokedTokens() {
		Subject subject = subject();

		assertUnauthorized(this.api.get("/me"));
		assertUnauthorized(this.api.withApiKey(null).get("/me"));
		String[] parts = subject.accessToken().split("\\.");
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"sub\":\"" + subject.userId() + "\",\"iss\":\"x\"}").getBytes());
		assertUnauthorized(me(parts[0] + "." + forged + "." + parts[2]));
		assertUnauthorized(me("not-a-jwt"));

		Response revoked = this.api.post("/user_management/sessions/revoke", Map.of("session_id", subject.sessionId()));
		assertThat(revoked.status()).as(revoked.text()).isLessThan(300);
		assertUnauthorized(me(subject.accessToken()));
		assertUnauthorized(patch(subject.accessToken(), "{\"unsafe_metadata\":{\"theme\":\"dark\"}}"));
		assertThat(user(subject).at("/unsafe_metadata/theme").asString()).isEqualTo("light");
	}

	@Test
	void mergesUnsafeMetadataDeeplyAndAnswersLikeGet() {
		Subject subject = subject();

		Response first = patch(subject.accessToken(),
				"{\"unsafe_metadata\":{\"theme\":\"dark\",\"layout\":{\"sidebar\":true,\"width\":320}}}");
		Response second = patch(subject.accessToken(),
				"{\"unsafe_metadata\":{\"layout\":{\"width\":null,\"density\":\"compact\"},\"lang\":\"de\"}}");

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(second.status()).as(second.text()).isEqualTo(200);
		JsonNode unsafe = second.json().get("user").get("unsafe_metadata");
		assertThat(unsafe.toString())
			.isEqualTo("{\"theme\":\"dark\",\"layout\":{\"sidebar\":true,\"density\":\"compact\"},\"lang\":\"de\"}");
		assertThat(second.json().propertyNames()).containsExactly("object", "user", "organization",
				"organization_membership");
		assertThat(user(subject).get("unsafe_metadata")).isEqualTo(unsafe);
		assertThat(me(subject.accessToken()).json().get("user").get("unsafe_metadata")).isEqualTo(unsafe);
	}

	@Test
	void answersTheUsersETagAndRefusesAStaleIfMatch() {
		Subject subject = subject();
		String etag = me(subject.accessToken()).header("ETag");
		assertThat(etag).matches("\"\\d+\"");

		Response stale = this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + subject.accessToken())
			.header("Content-Type", MERGE_PATCH)
			.header("If-Match", "\"999999\"")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"unsafe_metadata\":{\"theme\":\"dark\"}}"))
			.build());
		Response current = this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + subject.accessToken())
			.header("Content-Type", MERGE_PATCH)
			.header("If-Match", etag)
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"unsafe_metadata\":{\"theme\":\"dark\"}}"))
			.build());

		assertThat(stale.status()).as(stale.text()).isEqualTo(412);
		assertThat(stale.field("code")).isEqualTo("precondition_failed");
		assertThat(current.status()).as(current.text()).isEqualTo(200);
		assertThat(current.header("ETag")).isNotEqualTo(etag);
		assertThat(user(subject).at("/unsafe_metadata/theme").asString()).isEqualTo("dark");
	}

	@Test
	void refusesEveryOtherFieldWithForbiddenFieldAndWritesNothing() {
		Subject subject = subject();
		JsonNode before = user(subject);

		for (String body : List.of(
				"{\"unsafe_metadata\":{\"theme\":\"dark\"},\"public_metadata\":{\"role\":\"admin\"}}",
				"{\"metadata\":{\"tier\":\"x\"}}", "{\"email\":\"evil@example.com\"}", "{\"first_name\":\"Mallory\"}",
				"{\"unsafe_metadata\":{\"theme\":\"dark\"},\"custom_attributes\":{}}")) {
			Response refused = patch(subject.accessToken(), body);
			assertThat(refused.status()).as(body + " → " + refused.text()).isEqualTo(403);
			assertThat(refused.field("code")).isEqualTo("forbidden_field");
		}

		JsonNode after = user(subject);
		for (String field : List.of("email", "first_name", "metadata", "public_metadata", "unsafe_metadata")) {
			assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
		}
	}

	@Test
	void refusesInvalidUnsafeMetadataWithTheClassAndPointerAndWritesNothing() {
		Subject subject = subject();

		Response dotted = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"a\":{\"b.c\":1}}}");
		Response tooLarge = patch(subject.accessToken(),
				"{\"unsafe_metadata\":{\"blob\":\"" + "x".repeat(9000) + "\"}}");
		Response notAnObject = patch(subject.accessToken(), "{\"unsafe_metadata\":5}");
		Response malformed = patch(subject.accessToken(), "{\"unsafe_metadata\":");
		Response wrongType = this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + subject.accessToken())
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"unsafe_metadata\":{\"theme\":\"dark\"}}"))
			.build());

		assertThat(dotted.status()).as(dotted.text()).isEqualTo(400);
		assertThat(dotted.field("code")).isEqualTo("invalid_metadata");
		assertThat(dotted.text()).contains("unsafe_metadata").contains("b.c");
		assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(400);
		assertThat(tooLarge.field("code")).isEqualTo("invalid_metadata");
		assertThat(notAnObject.status()).as(notAnObject.text()).isIn(400, 422);
		assertThat(malformed.status()).as(malformed.text()).isEqualTo(422);
		assertThat(wrongType.status()).as(wrongType.text()).isEqualTo(415);
		assertThat(user(subject).get("unsafe_metadata").toString()).isEqualTo("{\"theme\":\"light\"}");
	}

	@Test
	void refusesAnUnpairedSurrogateInUnsafeMetadataAndKeepsAPairUnchanged() {
		Subject subject = subject();

		Response lone = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"theme\":{\"name\":\"\\ud800\"}}}");
		Response reversed = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"theme\":\"\\ude00\\ud83d\"}}");
		assertThat(lone.status()).as(lone.text()).isEqualTo(422);
		assertThat(lone.json().at("/errors/0/code").asString()).isEqualTo("invalid_json");
		assertThat(reversed.status()).as(reversed.text()).isEqualTo(422);
		assertThat(user(subject).get("unsafe_metadata").toString()).isEqualTo("{\"theme\":\"light\"}");

		Response paired = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"theme\":\"\\ud83d\\ude00\"}}");
		assertThat(paired.status()).as(paired.text()).isEqualTo(200);
		assertThat(paired.json().at("/user/unsafe_metadata/theme").asString()).isEqualTo("\uD83D\uDE00");
		assertThat(user(subject).at("/unsafe_metadata/theme").asString()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void throttlesWritesPerUserWithRetryAfter() {
		Subject subject = subject();
		Subject other = subject();

		for (int i = 0; i < WRITE_BUDGET; i++) {
			Response written = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"n\":" + i + "}}");
			assertThat(written.status()).as(written.text()).isEqualTo(200);
		}
		Response throttled = patch(subject.accessToken(), "{\"unsafe_metadata\":{\"n\":99}}");

		assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
		assertThat(throttled.field("code")).isEqualTo("rate_limit_exceeded");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(user(subject).at("/unsafe_metadata/n").asInt()).isEqualTo(WRITE_BUDGET - 1);
		assertThat(me(subject.accessToken()).status()).as("reads are not throttled").isEqualTo(200);
		assertThat(patch(other.accessToken(), "{\"unsafe_metadata\":{\"n\":1}}").status()).as("the budget is per user")
			.isEqualTo(200);
	}

	@Test
	void allowsConfiguredBrowserOriginsOnly() {
		Subject subject = subject();

		Response allowed = preflight("https://app.example.com");
		Response other = preflight("https://evil.example.com");
		Response read = this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + subject.accessToken())
			.header("Origin", "https://app.example.com")
			.GET()
			.build());

		assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PATCH");
		assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
		assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.header("Access-Control-Allow-Origin")).isNull();
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		Response management = this.api
			.send(this.api.request("/organizations").header("Origin", "https://app.example.com").GET().build());
		assertThat(management.header("Access-Control-Allow-Origin")).as("CORS is for /me only").isNull();
	}

	private Response preflight(String origin) {
		return this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(401);
		assertThat(response.field("code")).isEqualTo("unauthorized");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private Response me(String accessToken) {
		return this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + accessToken)
			.GET()
			.build());
	}

	private Response patch(String accessToken, String body) {
		return this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/me"))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", MERGE_PATCH)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private JsonNode user(Subject subject) {
		Response user = this.api.get("/user_management/users/" + subject.userId());
		assertThat(user.status()).as(user.text()).isEqualTo(200);
		return user.json();
	}

	/**
	 * A signed-in admin of an organization, with a distinct marker in every class the
	 * user must never see through {@code /me}.
	 */
	private Subject subject() {
		String id = unique();
		List<String> markers = List.of("user-private-" + id, "org-private-" + id, "om-private-" + id, "om-custom-" + id,
				"user-ext-" + id, "om-ext-" + id);
		Response organization = this.api.post("/organizations", Map.of("name", "Me " + id, "metadata",
				Map.of("secret", markers.get(1)), "public_metadata", Map.of("seats", 25)));
		assertThat(organization.status()).as(organization.text()).isEqualTo(201);
		String email = "me-" + id + "@example.com";
		Response user = this.api.post("/user_management/users",
				Map.of("email", email, "password", PASSWORD, "external_id", markers.get(4), "metadata",
						Map.of("secret", markers.get(0)), "public_metadata", Map.of("plan", Map.of("tier", "gold")),
						"unsafe_metadata", Map.of("theme", "light")));
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		Response membership = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", user.field("id"), "organization_id", organization.field("id"), "role_slug", "admin",
						"metadata", Map.of("secret", markers.get(2)), "custom_attributes",
						Map.of("cost_center", markers.get(3)), "public_metadata", Map.of("desk", "A7")));
		assertThat(membership.status()).as(membership.text()).isEqualTo(201);
		Response signedIn = this.api.post("/user_management/authenticate",
				Map.of("grant_type", "password", "client_id", "client_claimsmith", "client_secret", ApiClient.API_KEY,
						"email", email, "password", PASSWORD, "organization_id", organization.field("id"), "ip_address",
						"10.77." + (id.hashCode() & 0xff) + "." + ((id.hashCode() >> 8) & 0xff)));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		String accessToken = signedIn.field("access_token");
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
		String sessionId = payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
		return new Subject(user.field("id"), organization.field("id"), membership.field("id"), accessToken, sessionId,
				markers);
	}

	private record Subject(String userId, String organizationId, String membershipId, String accessToken,
			String sessionId, List<String> privateMarkers) {
	}

}
