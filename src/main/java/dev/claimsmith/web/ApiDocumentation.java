package dev.claimsmith.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}). Springdoc derives paths and response shapes from the
 * controllers; this adds what it cannot see: snake_case property names, the bearer API
 * key, public endpoints, tags, and the contract's examples
 * ({@code openapi/examples.json}, keyed by {@code "METHOD path"}). Keeping the examples
 * here leaves the controllers free of documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String SECURITY_SCHEME = "apiKey";

	/** {@code /me} takes the signed-in user's own access token, never an API key. */
	private static final String ACCESS_TOKEN_SCHEME = "accessToken";

	private static final String SELF_SERVICE = "/me";

	private static final String JSON = "application/json";

	private static final List<String> PUBLIC_PREFIXES = List.of("/.well-known/", "/sso/jwks/",
			"/user_management/authenticate");

	/** Served from the keys folder alone, so a database outage never fails them. */
	private static final List<String> KEY_ONLY_PREFIXES = List.of("/.well-known/", "/sso/jwks/");

	private static final Map<String, String> TAGS = tags();

	/** Collections whose single objects carry an {@code ETag} ({@link IfMatch}). */
	private static final List<String> VERSIONED = List.of("/organizations", "/user_management/users",
			"/user_management/organization_memberships");

	static {
		// Request bodies are read as JSON trees (see JsonObjectReader): document them as
		// objects.
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	/**
	 * Springdoc reads response types with swagger-core's own mapper: name properties as
	 * ours does.
	 */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	OpenAPI claimsmithOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Claimsmith API")
				.version("v1")
				.description("Users and organizations in, signed templated access tokens out. Wire-compatible "
						+ "with the WorkOS Organizations and User Management API. Management endpoints need "
						+ "`Authorization: Bearer <api key>` of a key whose scopes cover them: `admin` "
						+ "(everything), `mint` (POST /access_tokens, POST /oauth2/introspect, client secret of "
						+ "the authenticate endpoint) or `preview` (the template playground's reads and "
						+ "POST /jwt_templates/preview)."))
			.components(new Components()
				.addSecuritySchemes(SECURITY_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API key"))
				.addSecuritySchemes(ACCESS_TOKEN_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("The signed-in user's own Claimsmith access token")))
			.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
	}

	@Bean
	OpenApiCustomizer contractExamples() {
		Map<String, OperationExamples> examples = loadExamples();
		return (openApi) -> {
			ModelConverters.getInstance().readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				tag(openApi, path, operation);
				if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
					operation.setSecurity(List.of());
				}
				else if (path.equals(SELF_SERVICE)) {
					operation.setSecurity(List.of(new SecurityRequirement().addList(ACCESS_TOKEN_SCHEME)));
					addResponse(operation, "401", Map.of("code", "unauthorized", "message",
							"The access token is invalid or expired (an API key cannot be used for /me)."));
				}
				else {
					addResponse(operation, "401", Map.of("code", "unauthorized", "message", "Invalid API key."));
					addResponse(operation, "403", Map.of("code", "insufficient_scope", "message",
							"This API key lacks the 'admin' scope this request needs."));
				}
				if (KEY_ONLY_PREFIXES.stream().noneMatch(path::startsWith)) {
					// Everything but the key documents needs the database, the API-key
					// check included.
					addResponse(operation, "503", Map.of("code", DatabaseUnavailable.body().code(), "message",
							DatabaseUnavailable.body().message()));
				}
				documentVersions(path, method, operation);
				OperationExamples operationExamples = examples.get(method + " " + normalize(path));
				if (operationExamples != null) {
					apply(operation, operationExamples);
				}
			}));
		};
	}

	private static void tag(OpenAPI openApi, String path, Operation operation) {
		String tag = TAGS.entrySet()
			.stream()
			.filter((entry) -> path.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("Keys");
		operation.setTags(List.of(tag));
		if (openApi.getTags() == null || openApi.getTags().stream().noneMatch((t) -> t.getName().equals(tag))) {
			openApi.addTagsItem(new Tag().name(tag));
		}
	}

	/**
	 * Single organizations, users and memberships answer with an {@code ETag}; their
	 * writes take {@code If-Match} and may answer 412.
	 */
	private static void documentVersions(String path, PathItem.HttpMethod method, Operation operation) {
		if (VERSIONED.stream().noneMatch(path::startsWith)
				|| VERSIONED.contains(path) && method != PathItem.HttpMethod.POST) {
			return;
		}
		if (method != PathItem.HttpMethod.DELETE) {
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("2")) {
					response.addHeaderObject("ETag",
							new Header()
								.description("The object's version, e.g. \"3\": "
										+ "send it as If-Match to write only that version.")
								.schema(new StringSchema()));
				}
			});
		}
		if (operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> IfMatch.HEADER.equals(parameter.getName()))) {
			operation.getParameters()
				.stream()
				.filter((parameter) -> IfMatch.HEADER.equals(parameter.getName()))
				.forEach((parameter) -> parameter
					.description("Write only if the object's ETag is one of these (or *)."));
			addResponse(operation, "412", Map.of("code", "precondition_failed", "message",
					"If-Match does not match the current version of the object (ETag \"4\"); read it again and retry."));
		}
	}

	private static void apply(Operation operation, OperationExamples examples) {
		if (examples.request() != null && operation.getRequestBody() != null) {
			// Merge patches consume application/merge-patch+json only.
			Content content = operation.getRequestBody().getContent();
			MediaType media = content.containsKey(JSON) ? content.get(JSON)
					: content.values().stream().findFirst().orElse(null);
			if (media != null) {
				media.addExamples("contract", new Example().value(examples.request()));
			}
		}
		examples.responses().forEach((status, body) -> addResponse(operation, status, body));
	}

	private static void addResponse(Operation operation, String status, Object body) {
		ApiResponse response = operation.getResponses().get(status);
		if (response == null) {
			response = new ApiResponse().description(status.startsWith("2") ? "Success" : "Error")
				.content(new Content().addMediaType(JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))));
			operation.getResponses().addApiResponse(status, response);
		}
		if (response.getContent() == null) {
			response.setContent(new Content());
		}
		MediaType media = response.getContent().computeIfAbsent(JSON, (type) -> new MediaType());
		media.addExamples("contract", new Example().value(body));
	}

	private static String normalize(String path) {
		return path.replace("{externalId}", "{external_id}").replace("{clientId}", "{client_id}");
	}

	private static Map<String, OperationExamples> loadExamples() {
		try (InputStream in = new ClassPathResource("openapi/examples.json").getInputStream()) {
			return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, OperationExamples>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read openapi/examples.json", ex);
		}
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("/organizations", "Organizations");
		tags.put("/user_management/users", "Users");
		tags.put("/user_management/organization_memberships", "Organization memberships");
		tags.put("/user_management/invitations", "Invitations");
		tags.put("/user_management/authenticate", "Authentication");
		tags.put("/user_management/sessions", "Authentication");
		tags.put("/user_management/jwt_template", "Claims templates");
		tags.put("/jwt_templates", "Claims templates");
		tags.put("/access_tokens", "Tokens");
		tags.put("/oauth2/", "Tokens");
		tags.put("/api_keys", "API keys");
		tags.put(SELF_SERVICE, "Self-service");
		return tags;
	}

	/** Examples of one operation: a request body and response bodies by status. */
	record OperationExamples(Object request, Map<String, Object> responses) {

		OperationExamples {
			responses = (responses != null) ? responses : Map.of();
		}

	}

}
