package dev.claimsmith.clerk;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Clerk wire's contract over real HTTP (API.md "Clerk Backend API compatibility"):
 * shapes the SDK's parsers need, one store with the WorkOS wire, and bad input answered
 * in Clerk's envelope with a 4xx, never a 500.
 */
@ApiTest
class ClerkApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void organizationShapeIsClerksAndTheWorkOsWireReadsTheSameOrganization() {
		long before = System.currentTimeMillis();
		Response created = this.api.post("/clerk/v1/organizations",
				Map.of("name", "Zoë's Café & Co " + unique(), "private_metadata",
						Map.of("seats", 5, "tier", Map.of("name", "gold")), "public_metadata", Map.of("region", "eu")));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Content-Type")).isEqualTo("application/json");
		JsonNode org = created.json();
		assertThat(org.get("object").asString()).isEqualTo("organization");
		assertThat(org.get("id").asString()).startsWith("org_");
		assertThat(org.get("slug").asString()).matches("zoe-s-cafe-co-[a-z0-9-]+");
		assertThat(org.get("created_at").isIntegralNumber()).isTrue();
		assertThat(org.get("created_at").asLong()).isBetween(before - 1000, System.currentTimeMillis() + 1000);
		assertThat(org.get("updated_at").isIntegralNumber()).isTrue();
		assertThat(org.get("private_metadata").get("seats").asInt()).isEqualTo(5);
		assertThat(org.get("public_metadata").get("region").asString()).isEqualTo("eu");
		for (String field : List.of("name", "image_url", "has_image", "max_allowed_memberships", "admin_delete_enabled",
				"created_by", "members_count")) {
			assertThat(org.has(field)).as(field).isTrue();
		}

		Response workOs = this.api.get("/organizations/" + org.get("id").asString());
		assertThat(workOs.status()).isEqualTo(200);
		assertThat(workOs.json().get("name").asString()).isEqualTo(org.get("name").asString());
		assertThat(workOs.json().get("metadata").get("seats").asString())
			.as("the WorkOS wire shows a typed value as its JSON text")
			.isEqualTo("5");
	}

	@Test
	void organizationsCreatedOnTheWorkOsWireHaveASlugTheClerkWireFinds() {
		Response created = this.api.post("/organizations", Map.of("name", "WorkOS Made " + unique()));
		String id = created.json().get("id").asString();
		Response byId = this.api.get("/clerk/v1/organizations/" + id);
		String slug = byId.json().get("slug").asString();
		assertThat(slug).matches("[a-z0-9-]{1,64}");
		Response bySlug = this.api.get("/clerk/v1/organizations/" + slug);
		assertThat(bySlug.status()).isEqualTo(200);
		assertThat(bySlug.json().get("id").asString()).isEqualTo(id);
	}

	@Test
	void listsAreDataAndTotalCountExceptUsersWhichAreABareArrayWithACount() {
		String email = "clerk-shape-" + unique() + "@example.com";
		this.api.post("/clerk/v1/users", Map.of("email_address", List.of(email)));
		this.api.post("/clerk/v1/organizations", Map.of("name", "Listed " + unique()));

		Response organizations = this.api.get("/clerk/v1/organizations?limit=1");
		assertThat(organizations.status()).isEqualTo(200);
		assertThat(organizations.json().get("data").isArray()).isTrue();
		assertThat(organizations.json().get("data")).hasSize(1);
		assertThat(organizations.json().get("total_count").asLong()).isGreaterThanOrEqualTo(1);

		Response users = this.api.get("/clerk/v1/users?email_address=" + email.toUpperCase());
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.json().isArray()).isTrue();
		assertThat(users.json()).singleElement().satisfies((user) -> {
			assertThat(user.get("object").asString()).isEqualTo("user");
			JsonNode address = user.get("email_addresses").get(0);
			assertThat(address.get("object").asString()).isEqualTo("email_address");
			assertThat(address.get("email_address").asString()).isEqualTo(email);
			assertThat(address.get("id").asString()).isEqualTo(user.get("primary_email_address_id").asString());
			assertThat(address.get("verification").get("status").asString()).isEqualTo("verified");
			assertThat(address.get("linked_to").isArray()).isTrue();
			assertThat(address.get("linked_to")).isEmpty();
			assertThat(user.get("private_metadata").isObject()).isTrue();
			assertThat(user.get("unsafe_metadata").isObject()).isTrue();
			assertThat(user.get("created_at").isIntegralNumber()).isTrue();
		});
		Response count = this.api.get("/clerk/v1/users/count?email_address=" + email);
		assertThat(count.json().get("object").asString()).isEqualTo("total_count");
		assertThat(count.json().get("total_count").asLong()).isEqualTo(1);
	}

	@Test
	void deletesAnswerClerksDeletedObject() {
		String id = this.api.post("/clerk/v1/organizations", Map.of("name", "Doomed " + unique()))
			.json()
			.get("id")
			.asString();
		Response deleted = this.api.delete("/clerk/v1/organizations/" + id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("object").asString()).isEqualTo("organization");
		assertThat(deleted.json().get("id").asString()).isEqualTo(id);
		assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
		assertClerkError(this.api.get("/clerk/v1/organizations/" + id), 404, "resource_not_found");
	}

	@Test
	void mergePatchDeletesAtDepthAndPutReplacesEachClassGiven() {
		String id = this.api
			.post("/clerk/v1/organizations",
					Map.of("name", "Merge " + unique(), "public_metadata", Map.of("a", Map.of("b", 1, "c", 2), "d", 3)))
			.json()
			.get("id")
			.asString();
		Response merged = this.api.send("PATCH", "/clerk/v1/organizations/" + id + "/metadata",
				"{\"public_metadata\":{\"a\":{\"b\":null,\"e\":[1]}},\"private_metadata\":{\"x\":{\"y\":true}}}");
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.json().get("public_metadata"))
			.isEqualTo(JSON.readTree("{\"a\":{\"c\":2,\"e\":[1]},\"d\":3}"));
		assertThat(merged.json().get("private_metadata")).isEqualTo(JSON.readTree("{\"x\":{\"y\":true}}"));
		Response replaced = this.api.put("/clerk/v1/organizations/" + id + "/metadata",
				Map.of("public_metadata", Map.of("only", "this")));
		assertThat(replaced.json().get("public_metadata")).isEqualTo(JSON.readTree("{\"only\":\"this\"}"));
		assertThat(replaced.json().get("private_metadata")).isEqualTo(JSON.readTree("{\"x\":{\"y\":true}}"));
	}

	@Test
	void badInputIsAClerkErrorNeverA500() {
		String org = this.api.post("/clerk/v1/organizations", Map.of("name", "Bad Input " + unique()))
			.json()
			.get("id")
			.asString();
		assertClerkError(this.api.send("POST", "/clerk/v1/organizations", "{\"name\":"), 400, "malformed_request");
		assertClerkError(this.api.send("POST", "/clerk/v1/organizations", "[1,2]"), 422, "form_param_format_invalid");
		JsonNode missing = assertClerkError(this.api.post("/clerk/v1/organizations", Map.of()), 422,
				"form_param_missing");
		assertThat(missing.get("errors").get(0).get("meta").get("param_name").asString()).isEqualTo("name");
		assertClerkError(this.api.post("/clerk/v1/organizations", Map.of("name", 42)), 422,
				"form_param_format_invalid");
		assertClerkError(this.api.post("/clerk/v1/organizations", Map.of("name", "x", "slug", "Not A Slug")), 422,
				"form_param_format_invalid");
		assertClerkError(this.api.post("/clerk/v1/organizations", Map.of("name", "x", "private_metadata", "text")), 422,
				"form_param_format_invalid");
		assertClerkError(
				this.api.send("PATCH", "/clerk/v1/organizations/" + org + "/metadata",
						"{\"public_metadata\":{\"big\":\"" + "x".repeat(9000) + "\"}}"),
				422, "form_param_format_invalid");
		assertClerkError(this.api.get("/clerk/v1/organizations?limit=0"), 422, "form_param_format_invalid");
		assertClerkError(this.api.get("/clerk/v1/organizations?limit=abc"), 422, "form_param_format_invalid");
		assertClerkError(this.api.get("/clerk/v1/organizations?order_by=slug"), 422, "form_param_format_invalid");
		assertClerkError(this.api.get("/clerk/v1/users/user_01HXXXXXXXXXXXXXXXXXXXXXXX"), 404, "resource_not_found");
		assertClerkError(this.api.post("/clerk/v1/users", Map.of("email_address", List.of("not-an-email"))), 422,
				"form_param_format_invalid");
		assertClerkError(this.api.post("/clerk/v1/users", Map.of("email_address", List.of())), 422,
				"form_param_missing");
		assertClerkError(this.api.post("/clerk/v1/users",
				Map.of("email_address", List.of("d-" + unique() + "@example.com"), "password_digest", "$2a$...")), 422,
				"form_param_format_invalid");
		String user = this.api
			.post("/clerk/v1/users", Map.of("email_address", List.of("m-" + unique() + "@example.com")))
			.json()
			.get("id")
			.asString();
		assertClerkError(this.api.post("/clerk/v1/organizations/" + org + "/memberships",
				Map.of("user_id", user, "role", "org:wizard")), 422, "form_param_format_invalid");
		assertClerkError(this.api.post("/clerk/v1/organizations/" + org + "/memberships",
				Map.of("user_id", user, "role", "admin")), 422, "form_param_format_invalid");
		assertClerkError(this.api.send("PATCH", "/clerk/v1/organizations/" + org + "/memberships/" + user,
				"{\"role\":\"org:admin\"}"), 404, "resource_not_found");
		assertClerkError(this.api.post("/clerk/v1/organizations/" + org + "/invitations",
				Map.of("email_address", "nope", "role", "org:member")), 422, "form_param_format_invalid");
		assertClerkError(this.api.get("/clerk/v1/organizations/" + org + "/invitations?status=bogus"), 422,
				"form_param_format_invalid");
	}

	@Test
	void anUnpairedSurrogateInABodyIsMalformedAndAPairRoundTrips() {
		String name = "Surrogates " + unique();
		JsonNode org = this.api
			.post("/clerk/v1/organizations", Map.of("name", name, "public_metadata", Map.of("a", Map.of("b", "c"))))
			.json();
		String path = "/clerk/v1/organizations/" + org.get("id").asString();

		assertClerkError(this.api.send("POST", "/clerk/v1/organizations", "{\"name\":\"Bad \\ud800\"}"), 400,
				"malformed_request");
		assertClerkError(this.api.send("PATCH", path, "{\"name\":\"\\ude00\\ud83d\"}"), 400, "malformed_request");
		assertClerkError(
				this.api.send("PATCH", path + "/metadata", "{\"public_metadata\":{\"a\":{\"b\":[\"\\udfff\"]}}}"), 400,
				"malformed_request");
		assertThat(this.api.get(path).json()).isEqualTo(org);

		Response paired = this.api.send("PATCH", path + "/metadata",
				"{\"public_metadata\":{\"a\":{\"b\":\"\\ud83d\\ude00 \uD83D\uDE00\"}}}");
		assertThat(paired.status()).as(paired.text()).isEqualTo(200);
		assertThat(paired.json().at("/public_metadata/a/b").asString()).isEqualTo("\uD83D\uDE00 \uD83D\uDE00");
		assertThat(this.api.get(path).json().get("public_metadata")).isEqualTo(paired.json().get("public_metadata"));
	}

	@Test
	void requestsNoEndpointServesAndFilterRefusalsAreClerkErrorsToo() {
		assertClerkError(this.api.get("/clerk/v1/no_such_thing"), 404, "resource_not_found");
		assertClerkError(this.api.send("PUT", "/clerk/v1/organizations", "{}"), 405, "method_not_allowed");
		assertClerkError(this.api.send(this.api.request("/clerk/v1/organizations")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=x"))
			.build()), 415, "unsupported_content_type");
		assertClerkError(this.api.send(this.api.request("/clerk/v1/organizations")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}"))
			.build()), 413, "request_body_too_large");
		assertClerkError(this.api.withApiKey(null).get("/clerk/v1/organizations"), 401, "authentication_invalid");
		assertClerkError(this.api.withApiKey("sk_test_wrong").get("/clerk/v1/users"), 401, "authentication_invalid");
		assertThat(this.api.withApiKey(null).get("/organizations").json().get("code").asString())
			.as("the WorkOS wire keeps its own shape")
			.isEqualTo("unauthorized");
	}

	private static JsonNode assertClerkError(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("clerk_trace_id").asString()).isNotBlank();
		assertThat(body.get("errors").isArray()).isTrue();
		assertThat(body.get("errors")).isNotEmpty();
		JsonNode error = body.get("errors").get(0);
		assertThat(error.get("code").asString()).as(response.text()).isEqualTo(code);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.get("long_message").asString()).isNotBlank();
		assertThat(error.get("meta").isObject()).isTrue();
		return body;
	}

}
