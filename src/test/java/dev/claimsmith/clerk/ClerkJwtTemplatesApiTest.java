package dev.claimsmith.clerk;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Clerk JWT-template wire over HTTP, on H2 and PostgreSQL: Clerk's shapes exactly,
 * bad input as a 422 in Clerk's envelope naming the parameter (never a 500), session
 * tokens only for live sessions, and Clerk's JWKS the published one.
 */
@ApiTest
class ClerkJwtTemplatesApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void aTemplateHasClerksShapeAndKeepsItsClaimsAsSent() {
		String name = name();
		Map<String, Object> claims = Map.of("meta", "{{user.public_metadata}}", "static", List.of(1, "two", true));
		ApiClient.Response created = this.api.post("/clerk/v1/jwt_templates",
				Map.of("name", name, "claims", claims, "lifetime", 300, "allowed_clock_skew", 0));
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		assertThat(created.header("Content-Type")).isEqualTo("application/json");
		JsonNode template = created.json();
		assertThat(template.get("object").stringValue()).isEqualTo("jwt_template");
		assertThat(template.get("id").stringValue()).startsWith("jtmp_");
		assertThat(template.get("name").stringValue()).isEqualTo(name);
		assertThat(template.get("claims")).isEqualTo(JSON.valueToTree(claims));
		assertThat(template.get("lifetime").longValue()).isEqualTo(300);
		assertThat(template.get("allowed_clock_skew").longValue()).isZero();
		assertThat(template.get("custom_signing_key").booleanValue()).isFalse();
		assertThat(template.get("signing_algorithm").stringValue()).isEqualTo("RS256");
		assertThat(template.get("created_at").longValue()).isGreaterThan(1_700_000_000_000L);
		String id = template.get("id").stringValue();

		ApiClient.Response defaults = this.api.post("/clerk/v1/jwt_templates",
				Map.of("name", name(), "claims", Map.of("a", 1)));
		assertThat(defaults.json().get("lifetime").longValue()).isEqualTo(60);
		assertThat(defaults.json().get("allowed_clock_skew").longValue()).isEqualTo(5);

		JsonNode list = this.api.get("/clerk/v1/jwt_templates").json();
		assertThat(list.get("total_count").longValue()).isEqualTo(list.get("data").size());
		assertThat(list.get("data").valueStream().map((t) -> t.get("id").stringValue())).contains(id);

		ApiClient.Response patched = this.api.send("PATCH", "/clerk/v1/jwt_templates/" + id,
				Map.of("claims", Map.of("b", "{{org.slug}}")));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("name").stringValue()).isEqualTo(name);
		assertThat(patched.json().get("lifetime").longValue()).isEqualTo(300);
		assertThat(patched.json().get("claims").toString()).isEqualTo("{\"b\":\"{{org.slug}}\"}");

		ApiClient.Response deleted = this.api.delete("/clerk/v1/jwt_templates/" + id);
		assertThat(deleted.json().toString())
			.isEqualTo("{\"object\":\"jwt_template\",\"id\":\"" + id + "\",\"deleted\":true}");
		assertClerkError(this.api.get("/clerk/v1/jwt_templates/" + id), 404, "resource_not_found", null);
		assertClerkError(this.api.delete("/clerk/v1/jwt_templates/" + id), 404, "resource_not_found", null);
	}

	@Test
	void badInputIsA422InClerksEnvelopeNamingTheParameter() {
		assertClerkError(this.api.post("/clerk/v1/jwt_templates", Map.of("claims", Map.of("a", 1))), 422,
				"form_param_missing", "name");
		assertClerkError(this.api.post("/clerk/v1/jwt_templates", Map.of("name", name())), 422, "form_param_missing",
				"claims");
		assertClerkError(this.api.post("/clerk/v1/jwt_templates", Map.of("name", name(), "claims", "{}")), 422,
				"form_param_format_invalid", "claims");
		assertClerkError(this.api.post("/clerk/v1/jwt_templates", Map.of("name", name(), "claims", Map.of())), 422,
				"form_param_format_invalid", "claims");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates",
						Map.of("name", name(), "claims", Map.of("a", 1), "lifetime", 29)),
				422, "form_param_format_invalid", "lifetime");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates",
						Map.of("name", name(), "claims", Map.of("a", 1), "lifetime", 315_360_000)),
				422, "form_param_format_invalid", "lifetime");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates",
						Map.of("name", name(), "claims", Map.of("a", 1), "allowed_clock_skew", 301)),
				422, "form_param_format_invalid", "allowed_clock_skew");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates",
						Map.of("name", name(), "claims", Map.of("a", 1), "lifetime", "60")),
				422, "form_param_format_invalid", "lifetime");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates",
						Map.of("name", name(), "claims", Map.of("a", 1), "custom_signing_key", true)),
				422, "form_param_format_invalid", "custom_signing_key");
		assertClerkError(
				this.api.post("/clerk/v1/jwt_templates", Map.of("name", "Not A Name", "claims", Map.of("a", 1))), 422,
				"form_param_format_invalid", "name");
		assertClerkError(this.api.post("/clerk/v1/jwt_templates", Map.of("name", "default", "claims", Map.of("a", 1))),
				422, "form_identifier_exists", "name");
		ApiClient.Response unknown = this.api.post("/clerk/v1/jwt_templates",
				Map.of("name", name(), "claims", Map.of("n", Map.of("deep", "{{org.nope}}"), "sub", "x")));
		assertClerkError(unknown, 422, "form_param_format_invalid", "claims");
		assertThat(unknown.json().get("errors").get(0).get("long_message").stringValue())
			.contains("/sub: Claim \"sub\" is one of Clerk's default claims")
			.contains("/n/deep: Unknown shortcode \"org.nope\"");
		assertClerkError(this.api.send("PATCH", "/clerk/v1/jwt_templates/jtmp_nope", Map.of("name", name())), 404,
				"resource_not_found", null);
	}

	@Test
	void aSessionTokenIsForALiveSessionWithTheTemplatesLifetime() {
		String email = "clerk-jwt-" + ApiClient.unique().toLowerCase() + "@example.com";
		ApiClient.Response user = this.api.post("/user_management/users",
				Map.of("email", email, "password", PASSWORD, "first_name", "Ada"));
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		String name = name();
		this.api.post("/clerk/v1/jwt_templates", Map.of("name", name, "claims",
				Map.of("who", "{{user.first_name}}", "org", "{{org.id}}", "sid", "x"), "lifetime", 45));
		// sid is reserved: that template was refused; a valid one follows.
		assertThat(this.api.post("/clerk/v1/jwt_templates", Map.of("name", name, "claims",
				Map.of("who", "{{user.first_name}}", "org", "{{org.id}}", "session", "{{session.id}}"), "lifetime", 45))
			.status()).isEqualTo(200);
		String sid = signIn(email);

		ApiClient.Response token = this.api.post("/clerk/v1/sessions/" + sid + "/tokens/" + name, Map.of());
		assertThat(token.status()).as(token.text()).isEqualTo(200);
		assertThat(token.header("Content-Type")).isEqualTo("application/json");
		assertThat(token.field("object")).isEqualTo("token");
		JsonNode payload = payload(token.field("jwt"));
		assertThat(payload.get("sub").stringValue()).isEqualTo(user.field("id"));
		assertThat(payload.get("sid").stringValue()).isEqualTo(sid);
		assertThat(payload.get("exp").longValue() - payload.get("iat").longValue()).isEqualTo(45);
		assertThat(payload.get("who").stringValue()).isEqualTo("Ada");
		assertThat(payload.get("org").isNull()).isTrue();
		assertThat(payload.get("session").stringValue()).isEqualTo(sid);

		ApiClient.Response jwks = this.api.get("/clerk/v1/jwks");
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Content-Type")).isEqualTo("application/json");
		assertThat(jwks.json()).isEqualTo(this.api.withApiKey(null).get("/.well-known/jwks.json").json());
		assertThat(this.api.withApiKey(null).get("/clerk/v1/jwks").status()).isEqualTo(401);

		assertClerkError(this.api.post("/clerk/v1/sessions/" + sid + "/tokens/no-such-template", Map.of()), 404,
				"resource_not_found", null);
		assertThat(this.api.post("/user_management/sessions/revoke", Map.of("session_id", sid)).status())
			.isEqualTo(200);
		assertClerkError(this.api.post("/clerk/v1/sessions/" + sid + "/tokens/" + name, Map.of()), 404,
				"resource_not_found", null);
		assertClerkError(this.api.post("/clerk/v1/sessions/sess_nope/tokens/" + name, Map.of()), 404,
				"resource_not_found", null);
	}

	private String signIn(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("grant_type", "password");
		body.put("client_id", "client_claimsmith");
		body.put("client_secret", ApiClient.API_KEY);
		body.put("email", email);
		body.put("password", PASSWORD);
		ApiClient.Response signedIn = this.api.withApiKey(null).post("/user_management/authenticate", body);
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		return payload(signedIn.field("access_token")).get("sid").stringValue();
	}

	private static JsonNode payload(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	private static void assertClerkError(ApiClient.Response response, int status, String code, String param) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("code").stringValue()).as(response.text()).isEqualTo(code);
		assertThat(response.json().get("clerk_trace_id").stringValue()).isNotEmpty();
		if (param != null) {
			assertThat(error.get("meta").get("param_name").stringValue()).as(response.text()).isEqualTo(param);
		}
	}

	private static String name() {
		return "clerk-" + ApiClient.unique().toLowerCase();
	}

}
