package dev.claimsmith.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys as a resource (API.md "API keys"): created with a name and scopes, the secret
 * shown once; listed without it; revoked and refused at once; used only within their
 * scopes.
 */
@ApiTest
class ApiKeyResourceApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	@Test
	void createThen201WithTheSecretOnceAndTheListShowsTheKeyWithoutIt() {
		String name = "ci " + unique();
		Response created = this.api.post("/api_keys", Map.of("name", name, "scopes", List.of("mint", "preview")));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		JsonNode body = created.json();
		String secret = body.get("key").asString();
		assertThat(secret).startsWith("sk_").hasSizeGreaterThanOrEqualTo(40);
		assertThat(body.get("object").asString()).isEqualTo("api_key");
		assertThat(body.get("id").asString()).startsWith("key_");
		assertThat(body.get("name").asString()).isEqualTo(name);
		assertThat(secret).startsWith(body.get("prefix").asString());
		assertThat(body.get("scopes").values()).extracting(JsonNode::asString).containsExactly("mint", "preview");
		assertThat(body.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(body.has("last_used_at")).isTrue();
		assertThat(body.get("last_used_at").isNull()).isTrue();

		Response list = this.api.get("/api_keys?limit=100");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.field("object")).isEqualTo("list");
		assertThat(list.json().get("list_metadata").has("after")).isTrue();
		assertThat(list.text()).doesNotContain(secret).doesNotContain("key_hash");
		JsonNode listed = find(list, body.get("id").asString());
		assertThat(listed.has("key")).isFalse();
		assertThat(listed.propertyNames()).containsExactlyInAnyOrder("object", "id", "name", "prefix", "scopes",
				"created_at", "last_used_at");
		assertThat(listed.get("name").asString()).isEqualTo(name);
	}

	@Test
	void createWithoutScopesThenAnAdminKeyThatManagesKeys() {
		Response created = this.api.post("/api_keys", Map.of("name", "admin " + unique()));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("scopes").values()).extracting(JsonNode::asString).containsExactly("admin");
		ApiClient admin = this.api.withApiKey(created.field("key"));
		assertThat(admin.get("/api_keys").status()).isEqualTo(200);
		assertThat(admin.post("/organizations", Map.of("name", "By admin key")).status()).isEqualTo(201);
	}

	@Test
	void revokedKeyIsRefusedAtOnceAndCannotBeRevokedTwice() {
		Response created = this.api.post("/api_keys", Map.of("name", "short-lived " + unique()));
		String id = created.field("id");
		ApiClient holder = this.api.withApiKey(created.field("key"));
		assertThat(holder.get("/organizations").status()).isEqualTo(200);

		Response revoked = this.api.delete("/api_keys/" + id);

		assertThat(revoked.status()).isEqualTo(200);
		assertThatError(holder.get("/organizations")).is(401, "unauthorized");
		assertThat(find(this.api.get("/api_keys?limit=100"), id)).isNull();
		assertThatError(this.api.delete("/api_keys/" + id)).is(404, "entity_not_found");
		assertThatError(this.api.delete("/api_keys/key_nope")).is(404, "entity_not_found");
	}

	/**
	 * Where active keys are remembered in memory (embedded H2), a revoke still wins over
	 * requests in flight: every request sent after the revoke answered is refused.
	 */
	@Test
	void keyInUseByManyThreadsIsRefusedByEveryRequestSentAfterItsRevokeAnswered() throws Exception {
		Response created = this.api.post("/api_keys", Map.of("name", "busy " + unique()));
		ApiClient holder = this.api.withApiKey(created.field("key"));
		assertThat(holder.get("/organizations?limit=1").status()).isEqualTo(200);
		AtomicBoolean revokeAnswered = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		Queue<Integer> before = new ConcurrentLinkedQueue<>();
		Queue<Integer> after = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> users = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				users.add(threads.submit(() -> {
					while (!stop.get()) {
						boolean sentAfterRevoke = revokeAnswered.get();
						int status = holder.get("/organizations?limit=1").status();
						(sentAfterRevoke ? after : before).add(status);
					}
				}));
			}
			Thread.sleep(300);

			assertThat(this.api.delete("/api_keys/" + created.field("id")).status()).isEqualTo(200);
			revokeAnswered.set(true);
			Thread.sleep(300);
			stop.set(true);
			for (Future<?> user : users) {
				user.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(before).contains(200).isSubsetOf(200, 401);
		assertThat(after).isNotEmpty().containsOnly(401);
	}

	@Test
	void createWithAnInvalidNameOrScopesThen422NamingTheField() {
		assertThatError(this.api.post("/api_keys", Map.of())).is(422, "invalid_request_parameters").namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", ""))).is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", "x".repeat(101))))
			.is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", "bad\u0000name")))
			.is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", "   "))).is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", 7))).is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.post("/api_keys", Map.of("name", "k", "scopes", List.of("root"))))
			.is(422, "invalid_request_parameters")
			.namesField("scopes[0]");
		assertThatError(this.api.post("/api_keys", Map.of("name", "k", "scopes", List.of())))
			.is(422, "invalid_request_parameters")
			.namesField("scopes");
		assertThatError(this.api.post("/api_keys", Map.of("name", "k", "scopes", "admin")))
			.is(422, "invalid_request_parameters")
			.namesField("scopes");
		assertThatError(this.api.post("/api_keys", "{\"name\":")).is(422, "invalid_request_parameters");
		assertThatError(this.api.get("/api_keys?limit=0")).is(422, "invalid_request_parameters").namesField("limit");
	}

	@Test
	void listIsPagedWithTheContractsCursors() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.post("/api_keys", Map.of("name", "page " + i)).status()).isEqualTo(201);
		}
		Response first = this.api.get("/api_keys?limit=2");
		assertThat(first.json().get("data").size()).isEqualTo(2);
		String after = first.json().get("list_metadata").get("after").asString();

		Response second = this.api.get("/api_keys?limit=2&after=" + after);

		assertThat(second.json().get("data").size()).isPositive();
		assertThat(second.json().get("data").get(0).get("id").asString())
			.isLessThan(first.json().get("data").get(1).get("id").asString());
	}

	@Test
	void mintKeyMintsIntrospectsAndSignsInButManagesNothing() {
		String secret = secretWith("mint");
		ApiClient mint = this.api.withApiKey(secret);
		String email = "mint-" + unique() + "@example.com";
		Response user = this.api.post("/user_management/users",
				Map.of("email", email, "password", "correct horse battery staple"));

		Response minted = mint.post("/access_tokens", Map.of("user_id", user.field("id")));
		assertThat(minted.status()).as(minted.text()).isEqualTo(200);
		Response introspected = mint.send(mint.request("/oauth2/introspect")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("token=" + minted.field("access_token")))
			.build());
		assertThat(introspected.status()).isEqualTo(200);
		assertThat(introspected.json().get("active").asBoolean()).isTrue();
		Response signedIn = signIn(secret, email);
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);

		assertInsufficientScope(mint.get("/organizations"));
		assertInsufficientScope(mint.post("/organizations", Map.of("name", "Nope")));
		assertInsufficientScope(mint.get("/api_keys"));
		assertInsufficientScope(mint.post("/api_keys", Map.of("name", "escalate")));
		assertInsufficientScope(mint.get("/jwt_templates"));
	}

	@Test
	void previewKeyDoesWhatThePlaygroundNeedsAndNothingElse() {
		String secret = secretWith("preview");
		ApiClient preview = this.api.withApiKey(secret);
		Response user = this.api.post("/user_management/users", Map.of("email", "pv-" + unique() + "@example.com"));
		Response organization = this.api.post("/organizations", Map.of("name", "Preview Org"));
		String userId = user.field("id");

		assertThat(preview.get("/jwt_templates").status()).isEqualTo(200);
		assertThat(preview.get("/user_management/users/" + userId).status()).isEqualTo(200);
		assertThat(preview.get("/user_management/users?limit=10&email=x%40example.com").status()).isEqualTo(200);
		assertThat(preview.get("/organizations/" + organization.field("id")).status()).isEqualTo(200);
		assertThat(preview.get("/organizations?limit=100").status()).isEqualTo(200);
		assertThat(preview.get("/user_management/organization_memberships?user_id=" + userId).status()).isEqualTo(200);
		Response previewed = preview.post("/jwt_templates/preview", Map.of("user_id", userId));
		assertThat(previewed.status()).as(previewed.text()).isEqualTo(200);

		assertInsufficientScope(preview.post("/access_tokens", Map.of("user_id", userId)));
		assertInsufficientScope(preview.post("/organizations", Map.of("name", "Nope")));
		assertInsufficientScope(preview.put("/organizations/" + organization.field("id"), Map.of("name", "Nope")));
		assertInsufficientScope(preview.delete("/user_management/users/" + userId));
		assertInsufficientScope(preview.put("/user_management/jwt_template", Map.of()));
		assertInsufficientScope(preview.get("/api_keys"));
		assertInsufficientScope(preview.get("/keys"));
		assertInsufficientScope(preview.post("/keys/rotate", null));
		assertInsufficientScope(preview.get("/actuator/prometheus"));
		assertInsufficientScope(signIn(secret, "anyone@example.com"));
		// Paths a framework might read differently never widen a narrow key.
		assertInsufficientScope(preview.post("/jwt_templates/preview/../../organizations", Map.of("name", "x")));
		assertInsufficientScope(preview.get("/jwt_templates/..%2F..%2Fapi_keys"));
		assertInsufficientScope(preview.get("/organizations;x=1/../api_keys"));
		assertThat(this.api.get("/organizations/" + organization.field("id")).field("name")).isEqualTo("Preview Org");
	}

	@Test
	void previewKeyLooksUpMembershipsReadOnly() {
		ApiClient preview = this.api.withApiKey(secretWith("preview"));
		String userId = this.api.post("/user_management/users", Map.of("email", "pm-" + unique() + "@example.com"))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Membership Org")).field("id");
		String membershipId = this.api
			.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId))
			.field("id");
		String path = "/user_management/organization_memberships";

		Response found = preview.get(path + "?user_id=" + userId + "&organization_id=" + orgId);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		assertThat(found.json().at("/data/0/id").asString()).isEqualTo(membershipId);
		assertThat(preview.get(path + "?organization_id=" + orgId).status()).isEqualTo(200);
		assertThat(preview.get(path + "/" + membershipId).status()).isEqualTo(200);
		Response context = preview.post("/jwt_templates/preview",
				Map.of("template", "{\"probe\": \"x\"}", "user_id", userId, "organization_id", orgId));
		assertThat(context.status()).as(context.text()).isEqualTo(200);
		assertThat(context.json().at("/context/organization_membership/id").asString()).isEqualTo(membershipId);

		assertInsufficientScope(preview.post(path, Map.of("user_id", userId, "organization_id", orgId)));
		assertInsufficientScope(preview.put(path + "/" + membershipId, Map.of("role_slug", "admin")));
		assertInsufficientScope(preview.put(path + "/" + membershipId + "/deactivate", Map.of()));
		assertInsufficientScope(preview.delete(path + "/" + membershipId));
		Response unchanged = this.api.get(path + "/" + membershipId);
		assertThat(unchanged.json().at("/role/slug").asString()).isEqualTo("member");
		assertThat(unchanged.field("status")).isEqualTo("active");
	}

	@Test
	void lastUsedAtIsSetOnFirstUseAndNotWrittenAgainOnEveryRequest() {
		Response created = this.api.post("/api_keys", Map.of("name", "used " + unique()));
		String id = created.field("id");
		ApiClient holder = this.api.withApiKey(created.field("key"));

		assertThat(holder.get("/organizations").status()).isEqualTo(200);
		String firstUse = find(this.api.get("/api_keys?limit=100"), id).get("last_used_at").asString();
		assertThat(firstUse).isNotNull();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(holder.get("/organizations").status());
		}

		assertThat(statuses).containsOnly(200);
		// Within the resolution (one minute), the row is not written again.
		assertThat(find(this.api.get("/api_keys?limit=100"), id).get("last_used_at").asString()).isEqualTo(firstUse);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE id = :id AND last_used_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void bootstrapKeyIsAnAdminKey() {
		Response list = this.api.get("/api_keys?limit=100");
		List<JsonNode> bootstrap = new ArrayList<>();
		list.json().get("data").forEach((key) -> {
			if (ApiClient.API_KEY.startsWith(key.get("prefix").asString(""))
					&& "CLAIMSMITH_API_KEY".equals(key.get("name").asString())) {
				bootstrap.add(key);
			}
		});
		assertThat(bootstrap).singleElement()
			.satisfies((key) -> assertThat(key.get("scopes").values()).extracting(JsonNode::asString)
				.containsExactly("admin"));
	}

	private String secretWith(String scope) {
		Response created = this.api.post("/api_keys", Map.of("name", scope + " " + unique(), "scopes", List.of(scope)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.field("key");
	}

	private Response signIn(String clientSecret, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("grant_type", "password");
		body.put("client_id", "client_claimsmith");
		body.put("client_secret", clientSecret);
		body.put("email", email);
		body.put("password", "correct horse battery staple");
		return this.api.withApiKey(null).post("/user_management/authenticate", body);
	}

	private static void assertInsufficientScope(Response response) {
		assertThatError(response).is(403, "insufficient_scope");
	}

	private static JsonNode find(Response list, String id) {
		for (JsonNode key : list.json().get("data")) {
			if (key.get("id").asString().equals(id)) {
				return key;
			}
		}
		return null;
	}

}
