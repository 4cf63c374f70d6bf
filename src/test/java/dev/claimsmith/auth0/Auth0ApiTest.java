package dev.claimsmith.auth0;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.HttpsApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Auth0 Management API wire (API.md "Auth0 Management API compatibility") over HTTPS,
 * as Auth0's SDK reaches it: a client-credentials token from {@code POST /oauth/token},
 * then {@code /api/v2/…} with Auth0's names, shapes and error envelope.
 */
@HttpsApiTest
class Auth0ApiTest {

	static final String CLIENT_ID = "client_claimsmith";

	static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	ApiClient anonymous;

	ApiClient admin;

	ApiClient auth0;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.https(this.port);
		this.anonymous = this.admin.withApiKey(null);
		this.auth0 = this.admin.withApiKey(managementToken(ApiClient.API_KEY));
	}

	@Test
	void clientCredentialsGrantAnswersABearerTokenNotToBeStored() {
		Response token = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
				"client_secret", ApiClient.API_KEY, "audience", audience()));

		assertThat(token.status()).as(token.text()).isEqualTo(200);
		assertThat(token.field("token_type")).isEqualTo("Bearer");
		assertThat(token.json().get("expires_in").asLong()).isPositive();
		assertThat(token.field("scope")).isEqualTo("admin");
		assertThat(token.header("Cache-Control")).contains("no-store");
		assertThat(token.field("access_token").split("\\.")).hasSize(3);
	}

	@Test
	void managementTokenIsAcceptedLikeItsApiKeyOnEveryManagementEndpoint() {
		assertThat(this.auth0.get("/api/v2/users?per_page=1").status()).isEqualTo(200);
		assertThat(this.auth0.get("/organizations?limit=1").status()).as("the WorkOS wire too").isEqualTo(200);
	}

	@Test
	void clientCredentialsGrantRefusesWrongSecretClientAudienceAndGrant() {
		Response wrongSecret = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
				"client_secret", "sk_wrong", "audience", audience()));
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.field("error")).isEqualTo("invalid_client");
		assertThat(wrongSecret.text()).doesNotContain("access_token");

		Response wrongClient = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "other",
				"client_secret", ApiClient.API_KEY, "audience", audience()));
		assertThat(wrongClient.status()).isEqualTo(401);
		assertThat(wrongClient.field("error")).isEqualTo("invalid_client");

		Response wrongAudience = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
				"client_secret", ApiClient.API_KEY, "audience", "https://evil.example.com/api/v2/"));
		assertThat(wrongAudience.status()).isEqualTo(403);
		assertThat(wrongAudience.field("error")).isEqualTo("access_denied");

		Response wrongGrant = tokenRequest(Map.of("grant_type", "password", "client_id", CLIENT_ID));
		assertThat(wrongGrant.status()).isEqualTo(400);
		assertThat(wrongGrant.field("error")).isEqualTo("unsupported_grant_type");
	}

	@Test
	void managementTokenEndsWithItsRevokedKeyAndHasOnlyItsKeysScopes() {
		Response created = this.admin.post("/api_keys",
				Map.of("name", "auth0 " + unique(), "scopes", List.of("admin")));
		String token = managementToken(created.field("key"));
		ApiClient client = this.admin.withApiKey(token);
		assertThat(client.get("/api/v2/users?per_page=1").status()).isEqualTo(200);

		assertThat(this.admin.delete("/api_keys/" + created.field("id")).status()).isEqualTo(200);
		Response refused = client.get("/api/v2/users?per_page=1");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("statusCode").asInt()).isEqualTo(401);

		Response preview = this.admin.post("/api_keys",
				Map.of("name", "auth0 preview " + unique(), "scopes", List.of("preview")));
		Response narrow = this.admin.withApiKey(managementToken(preview.field("key"))).get("/api/v2/users");
		assertThat(narrow.status()).isEqualTo(403);
		assertThat(narrow.field("errorCode")).isEqualTo("insufficient_scope");
	}

	@Test
	void aUsersAccessTokenIsNoManagementToken() {
		String email = "a0-" + unique() + "@example.com";
		createUser(email, Map.of(), Map.of());
		String userToken = signIn(email);

		Response refused = this.admin.withApiKey(userToken).get("/api/v2/users");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(this.admin.withApiKey(userToken).get("/organizations").status()).isEqualTo(401);
	}

	@Test
	void userCarriesBothClassesUnderAuth0NamesAndTheSameStoreShowsThemOnWorkOs() {
		String email = "a0-" + unique() + "@example.com";
		Response created = this.auth0.post("/api/v2/users",
				Map.of("email", email, "password", PASSWORD, "connection", "Username-Password-Authentication",
						"given_name", "Ada", "family_name", "Lovelace", "email_verified", true, "app_metadata",
						Map.of("plan", "pro", "flags", Map.of("a", 1, "b", 2)), "user_metadata",
						Map.of("theme", "dark")));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode user = created.json();
		String id = user.get("user_id").asString();
		assertThat(user.get("email").asString()).isEqualTo(email);
		assertThat(user.get("email_verified").asBoolean()).isTrue();
		assertThat(user.get("given_name").asString()).isEqualTo("Ada");
		assertThat(user.get("family_name").asString()).isEqualTo("Lovelace");
		assertThat(user.get("app_metadata").get("flags").get("b").asInt()).isEqualTo(2);
		assertThat(user.get("user_metadata").get("theme").asString()).isEqualTo("dark");
		assertThat(user.get("identities").get(0).get("connection").asString())
			.isEqualTo("Username-Password-Authentication");
		assertThat(user.get("created_at").asString()).endsWith("Z");
		assertThat(user.has("metadata")).as("the private class has no Auth0 counterpart").isFalse();
		assertThat(user.has("password")).isFalse();

		Response workos = this.admin.get("/user_management/users/" + id);
		assertThat(workos.json().get("public_metadata").get("plan").asString()).isEqualTo("pro");
		assertThat(workos.json().get("unsafe_metadata").get("theme").asString()).isEqualTo("dark");
	}

	@Test
	void patchMergesMetadataAtTheTopLevelOnly() {
		String id = createUser("a0-" + unique() + "@example.com",
				Map.of("plan", "pro", "flags", Map.of("a", 1, "b", 2), "keep", "yes"),
				Map.of("theme", "dark", "lang", "en"));
		Map<String, Object> appMetadata = new HashMap<>();
		appMetadata.put("flags", Map.of("c", 3));
		appMetadata.put("plan", null);
		Response patched = this.auth0.send("PATCH", "/api/v2/users/" + id,
				Map.of("app_metadata", appMetadata, "user_metadata", Map.of(), "given_name", "Grace"));

		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		JsonNode app = patched.json().get("app_metadata");
		assertThat(app.get("flags").propertyNames()).as("nested objects are replaced").containsExactly("c");
		assertThat(app.has("plan")).as("null deletes").isFalse();
		assertThat(app.get("keep").asString()).isEqualTo("yes");
		assertThat(patched.json().get("user_metadata").isEmpty()).as("{} clears").isTrue();
		assertThat(patched.json().get("given_name").asString()).isEqualTo("Grace");
		assertThat(this.auth0.get("/api/v2/users/" + id).json().get("app_metadata"))
			.isEqualTo(patched.json().get("app_metadata"));
	}

	@Test
	void listWithTotalsSearchesAndUsersByEmail() {
		String tag = "t" + unique();
		String first = createUser("a0-" + unique() + "@example.com", Map.of("team", tag, "tier", "gold"), Map.of());
		String second = createUser("a0-" + unique() + "@example.com", Map.of("team", tag, "tier", "free"), Map.of());
		createUser("a0-" + unique() + "@example.com", Map.of("team", "x" + tag), Map.of());

		Response found = this.auth0.get("/api/v2/users?include_totals=true&per_page=10&page=0&search_engine=v3&q="
				+ encode("app_metadata.team:\"" + tag + "\""));
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		assertThat(found.json().propertyNames()).containsExactly("start", "limit", "length", "total", "users");
		assertThat(found.json().get("total").asInt()).isEqualTo(2);
		assertThat(found.json().get("length").asInt()).isEqualTo(2);
		assertThat(ids(found.json().get("users"))).containsExactlyInAnyOrder(first, second);

		Response both = this.auth0
			.get("/api/v2/users?q=" + encode("app_metadata.team:\"" + tag + "\" AND app_metadata.tier:\"gold\""));
		assertThat(both.json().isArray()).as("without include_totals, an array").isTrue();
		assertThat(ids(both.json())).containsExactly(first);

		String email = this.auth0.get("/api/v2/users/" + second).field("email");
		Response byEmailQuery = this.auth0.get("/api/v2/users?q=" + encode("email:\"" + email + "\""));
		assertThat(ids(byEmailQuery.json())).containsExactly(second);
		Response byEmail = this.auth0.get("/api/v2/users-by-email?email=" + encode(email.toUpperCase()));
		assertThat(ids(byEmail.json())).containsExactly(second);
		assertThat(this.auth0.get("/api/v2/users-by-email?email=" + encode("none-" + unique() + "@example.com"))
			.json()
			.isEmpty()).isTrue();

		Response paged = this.auth0.get(
				"/api/v2/users?include_totals=true&per_page=1&page=1&q=" + encode("app_metadata.team:\"" + tag + "\""));
		assertThat(paged.json().get("start").asInt()).isEqualTo(1);
		assertThat(paged.json().get("users")).hasSize(1);
	}

	@Test
	void badInputIsAnAuth0ErrorNeverA500() {
		assertAuth0Error(this.auth0.send("POST", "/api/v2/users", "{not json"), 400, "invalid_body");
		assertAuth0Error(this.auth0.post("/api/v2/users", Map.of("email", "a0-" + unique() + "@example.com")), 400,
				"invalid_body");
		assertAuth0Error(this.auth0.post("/api/v2/users", Map.of("email", "not-an-email", "connection", "db")), 400,
				"invalid_body");
		assertAuth0Error(
				this.auth0.post("/api/v2/users",
						Map.of("email", "a0-" + unique() + "@example.com", "connection", "db", "shoe_size", 9)),
				400, "invalid_body");
		assertAuth0Error(
				this.auth0.post("/api/v2/users",
						Map.of("email", "a0-" + unique() + "@example.com", "connection", "db", "app_metadata", "x")),
				400, "invalid_body");
		assertAuth0Error(this.auth0.post("/api/v2/users", "[]"), 400, "invalid_body");
		assertAuth0Error(this.auth0.get("/api/v2/users/user_01HXXXXXXXXXXXXXXXXXXXXXXX"), 404, "inexistent_user");
		assertAuth0Error(
				this.auth0.send("PATCH", "/api/v2/users/user_01HXXXXXXXXXXXXXXXXXXXXXXX", Map.of("given_name", "x")),
				404, "inexistent_user");
		assertAuth0Error(this.auth0.get("/api/v2/users?per_page=0"), 400, "invalid_query_string");
		assertAuth0Error(this.auth0.get("/api/v2/users?page=abc"), 400, "invalid_query_string");
		assertAuth0Error(this.auth0.get("/api/v2/users?q=" + encode("name:\"x\"")), 400, "invalid_query_string");
		assertAuth0Error(this.auth0.get("/api/v2/users-by-email"), 400, "invalid_query_string");
		assertAuth0Error(this.anonymous.get("/api/v2/users"), 401, "unauthorized");
		String email = "a0-" + unique() + "@example.com";
		createUserWithEmail(email);
		assertAuth0Error(this.auth0.post("/api/v2/users", Map.of("email", email, "connection", "db")), 409,
				"user_exists");
		assertAuth0Error(this.auth0.get("/api/v2/organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX"), 404,
				"inexistent_organization");
		assertAuth0Error(this.auth0.post("/api/v2/organizations", Map.of("name", "Not An Auth0 Name")), 400,
				"invalid_body");
	}

	@Test
	void anUnpairedSurrogateInABodyIsAnInvalidBodyAndAPairRoundTrips() {
		String email = "a0-surrogate-" + unique() + "@example.com";
		String id = createUser(email, Map.of(), Map.of("a", Map.of("b", "c")));
		JsonNode before = this.auth0.get("/api/v2/users/" + id).json();

		assertAuth0Error(
				this.auth0.post("/api/v2/users",
						"{\"email\":\"a0-" + unique()
								+ "@example.com\",\"connection\":\"db\",\"given_name\":\"\\ud800\"}"),
				400, "invalid_body");
		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/users/" + id, "{\"family_name\":\"x\\udc00\"}"), 400,
				"invalid_body");
		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/users/" + id,
				"{\"user_metadata\":{\"a\":{\"b\":[\"\\ud83d\\ud83d\"]}}}"), 400, "invalid_body");
		assertThat(this.auth0.get("/api/v2/users/" + id).json()).isEqualTo(before);

		Response paired = this.auth0.send("PATCH", "/api/v2/users/" + id,
				"{\"given_name\":\"\\ud83d\\ude00\",\"user_metadata\":{\"a\":{\"b\":\"\uD83D\uDE00\"}}}");
		assertThat(paired.status()).as(paired.text()).isEqualTo(200);
		JsonNode after = this.auth0.get("/api/v2/users/" + id).json();
		assertThat(after.get("given_name").asString()).isEqualTo("\uD83D\uDE00");
		assertThat(after.at("/user_metadata/a/b").asString()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void organizationsWithMetadataUnderAuth0LimitsByIdAndByName() {
		String name = "a0-org-" + unique();
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (int i = 0; i < 20; i++) {
			metadata.put("k" + i, "v".repeat(255));
		}
		Response created = this.auth0.post("/api/v2/organizations",
				Map.of("name", name, "display_name", name, "metadata", metadata));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.field("id");
		assertThat(created.field("display_name")).isEqualTo(name);
		assertThat(created.json().get("metadata").size()).as("more than WorkOS's 10 keys").isEqualTo(20);

		assertThat(this.auth0.get("/api/v2/organizations/name/" + name).field("id")).isEqualTo(id);
		assertThat(this.admin.get("/organizations/" + id).json().get("metadata").get("k19").asString()).hasSize(255);

		Map<String, Object> patch = new HashMap<>();
		patch.put("k0", null);
		patch.put("tier", "gold");
		Response patched = this.auth0.send("PATCH", "/api/v2/organizations/" + id, Map.of("metadata", patch));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("metadata").has("k0")).isFalse();
		assertThat(patched.json().get("metadata").get("tier").asString()).isEqualTo("gold");

		Map<String, Object> tooMany = new HashMap<>();
		for (int i = 0; i < 6; i++) {
			tooMany.put("more" + i, "x");
		}
		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/organizations/" + id, Map.of("metadata", tooMany)), 400,
				"invalid_body");
		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/organizations/" + id,
				Map.of("metadata", Map.of("long", "v".repeat(256)))), 400, "invalid_body");
		assertAuth0Error(this.auth0.post("/api/v2/organizations", Map.of("name", name)), 409, "organization_conflict");

		assertThat(this.auth0.delete("/api/v2/organizations/" + id).status()).isEqualTo(204);
		assertAuth0Error(this.auth0.get("/api/v2/organizations/" + id), 404, "inexistent_organization");
		assertAuth0Error(this.auth0.get("/api/v2/organizations/name/" + name), 404, "inexistent_organization");
	}

	@Test
	void patchWithDisplayNameAloneMustNameTheStoredNameAndWritesNothingOtherwise() {
		String name = "a0-display-" + unique();
		String id = this.auth0.post("/api/v2/organizations", Map.of("name", name, "metadata", Map.of("tier", "free")))
			.field("id");

		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/organizations/" + id,
				Map.of("display_name", "Acme Inc", "metadata", Map.of("tier", "gold"))), 400, "invalid_body");
		JsonNode stored = this.auth0.get("/api/v2/organizations/" + id).json();
		assertThat(stored.get("display_name").asString()).isEqualTo(name);
		assertThat(stored.get("metadata").get("tier").asString()).as("nothing written").isEqualTo("free");

		Response same = this.auth0.send("PATCH", "/api/v2/organizations/" + id,
				Map.of("display_name", name, "metadata", Map.of("tier", "gold")));
		assertThat(same.status()).as(same.text()).isEqualTo(200);
		assertThat(same.json().get("metadata").get("tier").asString()).isEqualTo("gold");
		String renamed = name + "-2";
		Response both = this.auth0.send("PATCH", "/api/v2/organizations/" + id,
				Map.of("name", renamed, "display_name", renamed));
		assertThat(both.status()).as(both.text()).isEqualTo(200);
		assertThat(both.field("display_name")).isEqualTo(renamed);
		assertAuth0Error(this.auth0.send("PATCH", "/api/v2/organizations/" + id, Map.of("display_name", name)), 400,
				"invalid_body");
	}

	@Test
	void patchChangingTheEmailLeavesEmailVerifiedAsItWasUnlessSent() {
		String id = this.auth0
			.post("/api/v2/users", Map.of("email", "a0-verified-" + unique() + "@example.com", "connection", "db",
					"email_verified", true))
			.field("user_id");

		Response changed = this.auth0.send("PATCH", "/api/v2/users/" + id,
				Map.of("email", "a0-changed-" + unique() + "@example.com"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("email_verified").asBoolean()).isTrue();
		Response unverified = this.auth0.send("PATCH", "/api/v2/users/" + id,
				Map.of("email", "a0-again-" + unique() + "@example.com", "email_verified", false));
		assertThat(unverified.json().get("email_verified").asBoolean()).isFalse();
	}

	@Test
	void organizationListAndMembersPageByCheckpoint() {
		String organization = this.auth0.post("/api/v2/organizations", Map.of("name", "a0-members-" + unique()))
			.field("id");
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			users.add(createUserWithEmail("a0-m-" + unique() + "@example.com"));
		}
		Response added = this.auth0.post("/api/v2/organizations/" + organization + "/members",
				Map.of("members", users));
		assertThat(added.status()).as(added.text()).isEqualTo(204);
		assertThat(this.auth0
			.post("/api/v2/organizations/" + organization + "/members", Map.of("members", users.subList(0, 1)))
			.status()).as("adding a member twice is fine").isEqualTo(204);

		List<String> seen = new ArrayList<>();
		String from = "";
		do {
			Response page = this.auth0
				.get("/api/v2/organizations/" + organization + "/members?take=2&include_totals=true&from=" + from);
			assertThat(page.status()).as(page.text()).isEqualTo(200);
			page.json().get("members").forEach((member) -> {
				assertThat(member.get("email").asString()).startsWith("a0-m-");
				seen.add(member.get("user_id").asString());
			});
			from = page.field("next");
		}
		while (from != null);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(users);

		Response removed = this.auth0.send("DELETE", "/api/v2/organizations/" + organization + "/members",
				Map.of("members", users.subList(0, 2)));
		assertThat(removed.status()).isEqualTo(204);
		assertThat(
				ids(this.auth0.get("/api/v2/organizations/" + organization + "/members?take=50").json().get("members")))
			.containsExactly(users.get(2));
		assertAuth0Error(this.auth0.post("/api/v2/organizations/" + organization + "/members",
				Map.of("members", List.of("user_01HXXXXXXXXXXXXXXXXXXXXXXX"))), 400, "invalid_body");

		this.auth0.post("/api/v2/organizations", Map.of("name", "a0-second-" + unique()));
		Response organizations = this.auth0.get("/api/v2/organizations?take=1&include_totals=true");
		assertThat(organizations.json().get("organizations")).hasSize(1);
		assertThat(organizations.field("next")).isNotNull();
		Response next = this.auth0.get("/api/v2/organizations?take=1&from=" + organizations.field("next"));
		assertThat(next.json().get("organizations").get(0).get("id").asString())
			.isNotEqualTo(organizations.json().get("organizations").get(0).get("id").asString());
	}

	@Test
	void aUserChangesOwnUserMetadataOnlyWithTheirToken() {
		String email = "a0-self-" + unique() + "@example.com";
		String id = createUser(email, Map.of("role", "viewer"), Map.of("theme", "dark", "lang", "en"));
		String other = createUserWithEmail("a0-other-" + unique() + "@example.com");
		ApiClient self = this.admin.withApiKey(signIn(email));

		Map<String, Object> userMetadata = new HashMap<>();
		userMetadata.put("theme", "light");
		userMetadata.put("lang", null);
		Response own = self.send("PATCH", "/api/v2/users/" + id, Map.of("user_metadata", userMetadata));
		assertThat(own.status()).as(own.text()).isEqualTo(200);
		assertThat(own.json().get("user_metadata").get("theme").asString()).isEqualTo("light");
		assertThat(own.json().get("user_metadata").has("lang")).isFalse();

		assertAuth0Error(
				self.send("PATCH", "/api/v2/users/" + id,
						Map.of("app_metadata", Map.of("role", "admin"), "user_metadata", Map.of("theme", "x"))),
				403, "insufficient_scope");
		assertAuth0Error(self.send("PATCH", "/api/v2/users/" + id, Map.of("given_name", "Mallory")), 403,
				"insufficient_scope");
		assertAuth0Error(self.send("PATCH", "/api/v2/users/" + other, Map.of("user_metadata", Map.of("x", "y"))), 403,
				"insufficient_scope");
		assertAuth0Error(self.get("/api/v2/users/" + id), 401, "unauthorized");
		assertAuth0Error(this.admin.withApiKey("not.a.token")
			.send("PATCH", "/api/v2/users/" + id, Map.of("user_metadata", Map.of())), 401, "invalid_token");

		JsonNode stored = this.auth0.get("/api/v2/users/" + id).json();
		assertThat(stored.get("app_metadata").get("role").asString()).isEqualTo("viewer");
		assertThat(stored.get("user_metadata").get("theme").asString()).as("nothing written by the refusals")
			.isEqualTo("light");
		assertThat(stored.get("given_name").isNull()).isTrue();
		assertThat(this.auth0.get("/api/v2/users/" + other).json().get("user_metadata").isEmpty()).isTrue();
	}

	@Test
	void authenticationResponsesStillCarryNoMetadata() {
		String email = "a0-auth-" + unique() + "@example.com";
		String appValue = "app-" + unique();
		String userValue = "user-" + unique();
		createUser(email, Map.of("plan", appValue), Map.of("theme", userValue));
		Response signedIn = this.admin.post("/user_management/authenticate", Map.of("grant_type", "password",
				"client_id", CLIENT_ID, "client_secret", ApiClient.API_KEY, "email", email, "password", PASSWORD));

		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		JsonNode user = signedIn.json().get("user");
		assertThat(user.propertyNames()).doesNotContain("metadata", "public_metadata", "unsafe_metadata",
				"app_metadata", "user_metadata", "external_id");
		assertThat(signedIn.text()).doesNotContain(appValue).doesNotContain(userValue);
	}

	@Test
	void deletedUserIsGoneAndDeletingAgainSucceeds() {
		String id = createUserWithEmail("a0-del-" + unique() + "@example.com");
		assertThat(this.auth0.delete("/api/v2/users/" + id).status()).isEqualTo(204);
		assertAuth0Error(this.auth0.get("/api/v2/users/" + id), 404, "inexistent_user");
		assertThat(this.auth0.delete("/api/v2/users/" + id).status()).isEqualTo(204);
	}

	private String createUser(String email, Map<String, Object> appMetadata, Map<String, Object> userMetadata) {
		Response created = this.auth0.post("/api/v2/users", Map.of("email", email, "password", PASSWORD, "connection",
				"Username-Password-Authentication", "app_metadata", appMetadata, "user_metadata", userMetadata));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.field("user_id");
	}

	private String createUserWithEmail(String email) {
		return createUser(email, Map.of(), Map.of());
	}

	private String signIn(String email) {
		Response signedIn = this.admin.post("/user_management/authenticate", Map.of("grant_type", "password",
				"client_id", CLIENT_ID, "client_secret", ApiClient.API_KEY, "email", email, "password", PASSWORD));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		return signedIn.field("access_token");
	}

	private String managementToken(String secret) {
		Response token = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
				"client_secret", secret, "audience", audience()));
		assertThat(token.status()).as(token.text()).isEqualTo(200);
		return token.field("access_token");
	}

	private Response tokenRequest(Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return this.anonymous.send(this.anonymous.request("/oauth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private String audience() {
		return "https://localhost:" + this.port + "/api/v2/";
	}

	private static List<String> ids(JsonNode users) {
		List<String> ids = new ArrayList<>();
		users.forEach((user) -> ids.add(user.get("user_id").asString()));
		return ids;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void assertAuth0Error(Response response, int status, String errorCode) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).as(response.text())
			.containsExactly("statusCode", "error", "message", "errorCode");
		assertThat(body.get("statusCode").asInt()).isEqualTo(status);
		assertThat(body.get("errorCode").asString()).isEqualTo(errorCode);
		assertThat(body.get("message").asString()).isNotBlank();
	}

}
