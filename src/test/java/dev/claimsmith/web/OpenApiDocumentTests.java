package dev.claimsmith.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.template.ClaimsContextSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document: valid OpenAPI 3, every endpoint of the contract
 * ({@code shared/API.md}) in it, with the contract's examples on the main ones.
 */
@ApiTest
class OpenApiDocumentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every operation of the contract; path parameters are compared by position only. */
	private static final List<String> CONTRACT = List.of("POST /organizations", "GET /organizations",
			"GET /organizations/{}", "GET /organizations/external_id/{}", "PUT /organizations/{}",
			"DELETE /organizations/{}", "POST /user_management/users", "GET /user_management/users",
			"GET /user_management/users/{}", "GET /user_management/users/external_id/{}",
			"PUT /user_management/users/{}", "DELETE /user_management/users/{}",
			"POST /user_management/organization_memberships", "GET /user_management/organization_memberships",
			"GET /user_management/organization_memberships/{}", "PUT /user_management/organization_memberships/{}",
			"DELETE /user_management/organization_memberships/{}",
			"PUT /user_management/organization_memberships/{}/deactivate",
			"PUT /user_management/organization_memberships/{}/reactivate", "PATCH /organizations/{}/metadata",
			"PATCH /user_management/users/{}/metadata", "PATCH /user_management/organization_memberships/{}/metadata",
			"GET /jwt_templates", "GET /jwt_templates/{}", "GET /user_management/jwt_template",
			"PUT /user_management/jwt_template", "POST /jwt_templates/preview", "POST /access_tokens",
			"GET /sso/jwks/{}", "GET /.well-known/jwks.json", "GET /.well-known/openid-configuration",
			"POST /oauth2/introspect", "POST /api_keys", "GET /api_keys", "DELETE /api_keys/{}",
			"POST /user_management/invitations", "GET /user_management/invitations",
			"GET /user_management/invitations/{}", "GET /user_management/invitations/by_token/{}",
			"POST /user_management/invitations/{}/revoke", "POST /user_management/invitations/{}/resend",
			"POST /user_management/invitations/{}/accept", "GET /events", "POST /webhook_endpoints",
			"GET /webhook_endpoints", "PATCH /webhook_endpoints/{}", "DELETE /webhook_endpoints/{}",
			"GET /webhook_endpoints/{}/deliveries");

	/** Served by the auth module; listed once that module is in the build. */
	private static final String AUTHENTICATE = "POST /user_management/authenticate";

	@Autowired
	ApiClient api;

	@Test
	void apiDocsIsValidOpenApi3AndListsEveryContractEndpoint() throws IOException {
		Response response = this.api.withApiKey(null).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		Files.writeString(Path.of("target", "openapi.json"), response.text());

		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.text());

		assertThat(parsed.getMessages()).isEmpty();
		OpenAPI openApi = parsed.getOpenAPI();
		assertThat(openApi.getOpenapi()).startsWith("3.");
		Map<String, Operation> operations = operations(openApi);
		assertThat(operations.keySet()).containsAll(CONTRACT);
		boolean authenticateServed = this.api.post("/user_management/authenticate", Map.of()).status() != 404;
		assertThat(operations.containsKey(AUTHENTICATE)).isEqualTo(authenticateServed);
	}

	@Test
	void mainOperationsCarryTheContractsExamplesAndSecurity() {
		OpenAPI openApi = new OpenAPIV3Parser().readContents(this.api.get("/v3/api-docs").text()).getOpenAPI();
		Map<String, Operation> operations = operations(openApi);

		assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("apiKey");
		assertThat(openApi.getSecurity()).isNotEmpty();
		assertThat(operations.get("GET /.well-known/jwks.json").getSecurity()).isEmpty();
		assertThat(example(operations.get("POST /organizations"), "201")).contains("\"object\":\"organization\"")
			.contains("\"domains\"");
		assertThat(example(operations.get("POST /user_management/users"), "201")).contains("\"object\":\"user\"");
		assertThat(example(operations.get("POST /jwt_templates/preview"), "200")).contains("\"size_bytes\"");
		assertThat(example(operations.get("POST /jwt_templates/preview"), "422")).contains("\"invalid_template\"");
		assertThat(example(operations.get("POST /access_tokens"), "200")).contains("\"token_type\":\"Bearer\"");
		assertThat(example(operations.get("POST /api_keys"), "201")).contains("\"object\":\"api_key\"")
			.contains("\"key\"");
		assertThat(example(operations.get("GET /organizations"), "403")).contains("insufficient_scope");
		assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("accessToken");
		assertThat(operations.get("GET /me").getSecurity().get(0)).containsOnlyKeys("accessToken");
		assertThat(example(operations.get("PATCH /me"), "200")).contains("unsafe_metadata").contains("public_metadata");
		assertThat(example(operations.get("PATCH /me"), "403")).contains("forbidden_field");
		assertThat(operations.get("PATCH /me")
			.getRequestBody()
			.getContent()
			.get("application/merge-patch+json")
			.getExamples()).isNotEmpty();
		assertThat(example(operations.get("POST /user_management/invitations"), "201"))
			.contains("\"object\":\"invitation\"")
			.contains("\"accept_invitation_url\"");
		assertThat(example(operations.get("POST /user_management/invitations/{}/accept"), "400"))
			.contains("invitation_invalid");
		assertThat(example(operations.get("POST /user_management/organization_memberships"), "201"))
			.contains("\"external_id\"");
		assertThat(operations.get("POST /user_management/invitations").getTags()).containsExactly("Invitations");
		assertThat(example(operations.get("POST /access_tokens"), "503")).contains("database_unavailable");
		assertThat(example(operations.get("POST /user_management/authenticate"), "503"))
			.contains("database_unavailable");
		assertThat(operations.get("GET /.well-known/jwks.json").getResponses()).doesNotContainKey("503");
		assertThat(operations.get("POST /organizations")
			.getRequestBody()
			.getContent()
			.get("application/json")
			.getExamples()).isNotEmpty();
	}

	@Test
	void versionedObjectsDocumentTheirETagIfMatchAndMergePatches() {
		Map<String, Operation> operations = operations(
				new OpenAPIV3Parser().readContents(this.api.get("/v3/api-docs").text()).getOpenAPI());

		for (String path : List.of("/organizations/{}", "/user_management/users/{}",
				"/user_management/organization_memberships/{}")) {
			assertThat(operations.get("GET " + path).getResponses().get("200").getHeaders()).containsKey("ETag");
			assertThat(operations.get("PUT " + path).getResponses()).containsKey("412");
			assertThat(operations.get("DELETE " + path).getResponses()).containsKey("412");
			Operation patch = operations.get("PATCH " + path + "/metadata");
			assertThat(patch.getResponses()).containsKeys("200", "400", "412", "415", "422");
			assertThat(patch.getResponses().get("200").getHeaders()).containsKey("ETag");
			assertThat(patch.getRequestBody().getContent().get("application/merge-patch+json").getExamples())
				.isNotEmpty();
		}
		assertThat(operations.get("GET /organizations").getResponses().get("200").getHeaders()).isNullOrEmpty();
		assertThat(example(operations.get("POST /user_management/organization_memberships"), "201"))
			.contains("\"custom_attributes\"");
	}

	@Test
	void swaggerUiIsServedWithoutAnApiKey() {
		ApiClient anonymous = this.api.withApiKey(null);

		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
		assertThat(anonymous.get("/v3/api-docs/swagger-config").text()).contains("/v3/api-docs");
	}

	@Test
	void previewExampleShowsEveryContextPathOfTheSchema() {
		OpenAPI openApi = new OpenAPIV3Parser().readContents(this.api.get("/v3/api-docs").text()).getOpenAPI();
		Operation preview = operations(openApi).get("POST /jwt_templates/preview");
		JsonNode context = JSON.readTree(example(preview, "200")).get("context");

		for (ClaimsContextSchema.ContextObject object : ClaimsContextSchema.get().objects()) {
			for (ClaimsContextSchema.ContextField field : object.fields()) {
				assertThat(context.at("/" + object.name()).has(field.name()))
					.as("the preview example's context has %s.%s", object.name(), field.name())
					.isTrue();
			}
		}
		assertThat(String.valueOf(preview.getRequestBody()
			.getContent()
			.get("application/json")
			.getExamples()
			.values()
			.iterator()
			.next()
			.getValue())).contains("organization_membership.custom_attributes.department")
			.contains("user.public_metadata.plan");
	}

	private static String example(Operation operation, String status) {
		var content = operation.getResponses().get(status).getContent().get("application/json");
		Object value = content.getExamples().values().iterator().next().getValue();
		// The parser's own (Jackson 2) tree prints as compact JSON
		return String.valueOf(value);
	}

	private static Map<String, Operation> operations(OpenAPI openApi) {
		Map<String, Operation> operations = new TreeMap<>();
		openApi.getPaths().forEach((path, item) -> {
			String normalized = path.replaceAll("\\{[^}]+}", "{}");
			item.readOperationsMap()
				.forEach((PathItem.HttpMethod method, Operation operation) -> operations.put(method + " " + normalized,
						operation));
		});
		return operations;
	}

}
