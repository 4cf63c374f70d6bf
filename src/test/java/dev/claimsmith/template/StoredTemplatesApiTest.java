package dev.claimsmith.template;

import java.time.Duration;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Templates stored in the database (as Clerk's API creates them) sit next to the files:
 * same name rules, validated before anything is stored, listed by
 * {@code GET /jwt_templates}, previewed by name, and Clerk drafts preview inline.
 */
@ApiTest
class StoredTemplatesApiTest {

	private static final Map<String, Object> JANE = Map.of("user",
			Map.of("id", "user_1", "first_name", "Jane", "last_name", "Doe", "public_metadata", Map.of("plan", "pro")),
			"organization", Map.of("id", "org_1", "name", "Acme"), "organization_membership",
			Map.of("role", "admin", "permissions", java.util.List.of("posts:read")));

	@LocalServerPort
	int port;

	@Autowired
	ClaimsTemplates templates;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void aStoredClerkTemplateIsListedPreviewedAndRemovable() {
		String name = name();
		StoredTemplate stored = this.templates.createStored(name, TemplateDialect.CLERK,
				"{\"name\": \"{{user.full_name}}\", \"plan\": \"{{user.public_metadata.plan || 'free'}}\","
						+ " \"org_role\": \"{{org.role}}\", \"org_id\": \"{{org.id}}\"}",
				Duration.ofSeconds(120), null);
		assertThat(stored.id()).startsWith("jtmp_");
		assertThat(stored.lifetime()).isEqualTo(Duration.ofSeconds(120));
		assertThat(stored.allowedClockSkew()).isEqualTo(Duration.ofSeconds(5));
		JsonNode listed = this.api.get("/jwt_templates")
			.json()
			.get("data")
			.valueStream()
			.filter((template) -> template.get("name").stringValue().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("dialect").stringValue()).isEqualTo("clerk");
		assertThat(listed.get("storage").stringValue()).isEqualTo("database");
		assertThat(listed.get("id").stringValue()).isEqualTo(stored.id());
		assertThat(listed.get("valid").booleanValue()).isTrue();
		assertThat(this.api.get("/jwt_templates/" + name).field("dialect")).isEqualTo("clerk");

		ApiClient.Response preview = this.api.post("/jwt_templates/preview",
				Map.of("template_name", name, "context", JANE));
		assertThat(preview.status()).isEqualTo(200);
		JsonNode body = preview.json();
		assertThat(body.get("claims").toString())
			.isEqualTo("{\"name\":\"Jane Doe\",\"plan\":\"pro\",\"org_role\":\"org:admin\",\"org_id\":\"org_1\"}");
		JsonNode payload = body.get("payload");
		assertThat(payload.get("exp").longValue() - payload.get("iat").longValue()).isEqualTo(120);
		assertThat(payload.get("iat").longValue() - payload.get("nbf").longValue()).isEqualTo(5);
		assertThat(payload.get("org_id").stringValue()).isEqualTo("org_1");
		assertThat(payload.has("client_id")).isFalse();
		assertThat(payload.has("roles")).isFalse();

		assertThat(this.templates.deleteStored(stored.id())).isTrue();
		assertThat(this.api.get("/jwt_templates/" + name).status()).isEqualTo(404);
		assertThat(this.templates.find(name)).isEmpty();
	}

	@Test
	void writesAreValidatedBeforeAnythingIsStored() {
		String name = name();
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.templates.createStored(name, TemplateDialect.CLERK, "{\"a\": \"{{user.nope}}\"}",
					null, null))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new TemplateError("/a", "Unknown shortcode \"user.nope\"")));
		assertThat(this.templates.storedTemplates()).noneMatch((template) -> template.name().equals(name));
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.templates.createStored("default", TemplateDialect.CLERK, "{\"a\": 1}", null, null))
			.withMessage("A template named 'default' already exists");
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.templates.createStored("Bad Name", TemplateDialect.CLERK, "{\"a\": 1}", null, null))
			.withMessageStartingWith("Template name must match");
		StoredTemplate stored = this.templates.createStored(name, TemplateDialect.CLERK, "{\"a\": 1}", null, null);
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.templates.createStored(name, TemplateDialect.CLERK, "{\"a\": 2}", null, null))
			.withMessage("A template named '" + name + "' already exists");
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.templates.updateStored(stored.id(), name, "{\"sub\": 1}", null, null));
		assertThat(this.templates.find(name).orElseThrow().render(Map.of()).claims()).containsEntry("a", 1L);
		String renamed = name();
		StoredTemplate updated = this.templates
			.updateStored(stored.id(), renamed, "{\"b\": true}", Duration.ofSeconds(30), Duration.ZERO)
			.orElseThrow();
		assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
		assertThat(this.templates.find(name)).isEmpty();
		assertThat(this.templates.find(renamed).orElseThrow().lifetime()).contains(Duration.ofSeconds(30));
		// What another node reads back from the table is what this one holds.
		this.templates.reload();
		assertThat(this.templates.storedTemplate(stored.id())).contains(updated);
		assertThat(this.templates.deleteStored(stored.id())).isTrue();
		assertThat(this.templates.deleteStored(stored.id())).isFalse();
		assertThat(this.templates.updateStored(stored.id(), renamed, "{\"b\": 1}", null, null)).isEmpty();
	}

	@Test
	void aClerkDraftPreviewsInline() {
		ApiClient.Response preview = this.api.post("/jwt_templates/preview",
				Map.of("dialect", "clerk", "template",
						Map.of("who", "{{user.first_name}} {{user.last_name}}", "meta", "{{user.public_metadata}}"),
						"lifetime", 3600, "context", JANE));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("claims").get("who").stringValue()).isEqualTo("Jane Doe");
		assertThat(preview.json().get("claims").get("meta").toString()).isEqualTo("{\"plan\":\"pro\"}");
		JsonNode payload = preview.json().get("payload");
		assertThat(payload.get("exp").longValue() - payload.get("iat").longValue()).isEqualTo(3600);

		ApiClient.Response invalid = this.api.post("/jwt_templates/preview",
				Map.of("dialect", "clerk", "template", Map.of("x", "{{org.nope}}"), "context", JANE));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("errors").get(0).get("path").stringValue()).isEqualTo("/x");
		assertThat(this.api
			.post("/jwt_templates/preview",
					Map.of("dialect", "clerk", "template", Map.of("x", 1), "lifetime", 10, "context", JANE))
			.status()).isEqualTo(422);
		assertThat(this.api.post("/jwt_templates/preview", Map.of("dialect", "mustache", "context", JANE)).status())
			.isEqualTo(422);
	}

	private static String name() {
		return "clerk-" + ApiClient.unique().toLowerCase();
	}

}
