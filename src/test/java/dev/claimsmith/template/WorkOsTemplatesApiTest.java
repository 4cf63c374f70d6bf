package dev.claimsmith.template;

import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WorkOS's documented JWT templates ({@link FixtureTemplates#WORKOS}, copied unmodified
 * from workos.com/docs/authkit/jwt-templates) load from the templates folder without
 * error or warning and render what WorkOS documents, in a real mint and in a preview of
 * WorkOS's own example context.
 */
@ApiTest
class WorkOsTemplatesApiTest extends FixtureTemplates {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The "Context" tab of WorkOS's example, verbatim (its extra fields included). */
	private static final String WORKOS_CONTEXT = """
			{ "user": { "id": "user_01JNS7VK1HMX7CT0C6V4ZHZZNX", "metadata": { "language": "es" }, "object": "user",
			  "created_at": "2021-01-01T00:00:00.000Z", "updated_at": "2021-01-01T00:00:00.000Z",
			  "email": "user@example.com", "first_name": "User", "last_name": "Test", "email_verified": true,
			  "profile_picture_url": "https://example.com/profile.jpg", "external_id": "user_123" },
			  "organization": { "name": "Test Organization", "id": "org_01JNS7VK1HMX7CT0C6V4ZHZZNX", "metadata": {},
			  "object": "organization", "created_at": "2021-01-01T00:00:00.000Z", "updated_at": "2021-01-01T00:00:00.000Z",
			  "allow_profiles_outside_organization": false, "domains": [
			  { "id": "org_domain_01JNS7VK1HMX7CT0C6V4ZHZZNX", "domain": "acme.com", "object": "organization_domain",
			    "organization_id": "org_01JNS7VK1HMX7CT0C6V4ZHZZNX", "state": "verified" },
			  { "id": "org_domain_01JNS7VK1HMX7CT0C6V4ZHZZNY", "domain": "example.com", "object": "organization_domain",
			    "organization_id": "org_01JNS7VK1HMX7CT0C6V4ZHZZNX", "state": "verified" } ],
			  "stripe_customer_id": "cus_123", "external_id": "org_123" } }
			""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiClient api;

	String email;

	String domain;

	String userId;

	String orgId;

	String membershipId;

	@BeforeEach
	void setUp() {
		String run = unique();
		this.email = "user-" + run + "@example.com";
		this.domain = "acme-" + run + ".com";
		this.userId = this.api
			.post("/user_management/users", Map.of("email", this.email, "first_name", "User", "last_name", "Test",
					"email_verified", true, "external_id", "user_" + run, "metadata", Map.of("language", "es")))
			.field("id");
		this.orgId = this.api.post("/organizations",
				Map.of("name", "Test Organization", "external_id", "org_" + run, "domain_data",
						List.of(Map.of("domain", this.domain, "state", "verified"),
								Map.of("domain", "example-" + run + ".com", "state", "verified"))))
			.field("id");
		this.membershipId = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");
	}

	@Test
	void loadWhenWorkOsDocumentedTemplatesThenEachValidWithoutWarnings() {
		for (String name : FixtureTemplates.WORKOS.keySet()) {
			ApiClient.Response stored = this.api.get("/jwt_templates/" + name);

			assertThat(stored.status()).as(name).isEqualTo(200);
			assertThat(stored.json().get("valid").asBoolean()).as("%s: %s", name, stored.text()).isTrue();
			assertThat(stored.json().get("errors").isEmpty()).as(name).isTrue();
			assertThat(stored.field("content")).isEqualTo(FixtureTemplates.WORKOS.get(name));
		}
	}

	@Test
	void mintWithWorkOsExampleThenTheDocumentedOutputFromStoredData() {
		JsonNode token = mint("workos-example");

		assertThat(token.get("urn:myapp:full_name").asString()).isEqualTo("User Test");
		assertThat(token.get("urn:myapp:email").asString()).isEqualTo(this.email);
		assertThat(token.get("urn:myapp:organization_tier").asString()).isEqualTo("bronze");
		assertThat(token.get("urn:myapp:user_language").asString()).isEqualTo("es");
		assertThat(token.get("urn:myapp:organization_domain").asString()).isEqualTo(this.domain);
		// WorkOS's own claims stay next to the template's.
		assertThat(token.get("sub").asString()).isEqualTo(this.userId);
		assertThat(token.get("org_id").asString()).isEqualTo(this.orgId);
		assertThat(token.get("role").asString()).isEqualTo("member");
		assertThat(token.get("permissions").isArray()).isTrue();
	}

	@Test
	void previewWithWorkOsExampleAndItsDocumentedContextThenItsDocumentedOutput() {
		ApiClient.Response preview = this.api.post("/jwt_templates/preview",
				Map.of("template_name", "workos-example", "context", JSON.readTree(WORKOS_CONTEXT)));

		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		assertThat(preview.json().get("claims")).isEqualTo(JSON.readTree("""
				{"urn:myapp:full_name": "User Test", "urn:myapp:email": "user@example.com",
				 "urn:myapp:organization_tier": "bronze", "urn:myapp:user_language": "es",
				 "urn:myapp:organization_domain": "acme.com"}"""));
		// Only the tier fallback is noted: the organization has no metadata.tier.
		assertThat(preview.json().get("warnings").valueStream().map((warning) -> warning.get("path").asString()))
			.as(preview.text())
			.containsExactly("/urn:myapp:organization_tier");
	}

	@Test
	void mintWithWorkOsCustomAttributesThenIdpAttributesAndTheDoubleQuotedFallback() {
		plantCustomAttributes("{\"department\":\"Engineering\",\"job_title\":\"Developer Experience Engineer\"}");

		JsonNode token = mint("workos-custom-attributes");

		assertThat(token.get("urn:myapp:department").asString()).isEqualTo("Engineering");
		assertThat(token.get("urn:myapp:job_title").asString()).isEqualTo("Developer Experience Engineer");
		assertThat(token.get("urn:myapp:cost_center").asString()).isEqualTo("default");

		plantCustomAttributes("{\"department\":\"Engineering\",\"cost_center\":\"CC-42\"}");
		JsonNode changed = mint("workos-custom-attributes");

		assertThat(changed.get("urn:myapp:cost_center").asString()).isEqualTo("CC-42");
		assertThat(changed.has("urn:myapp:job_title")).as("a missing attribute removes its claim").isFalse();
	}

	@Test
	void mintWithWorkOsSyntaxSnippetsThenEachAsDocumented() {
		assertThat(mint("workos-variable").get("user").asString()).isEqualTo("User");
		assertThat(mint("workos-fallback-path").get("user").asString()).isEqualTo(this.email);
		assertThat(mint("workos-fallback-string").get("user").asString()).isEqualTo("Guest");
		assertThat(mint("workos-string").get("user").asString()).isEqualTo("User Test");
		JsonNode objects = mint("workos-object");
		assertThat(objects.get("user_metadata")).isEqualTo(JSON.readTree("{\"language\":\"es\"}"));
		assertThat(objects.get("org")).isEqualTo(JSON.readTree("{}"));

		this.api.put("/user_management/users/" + this.userId, Map.of("metadata", Map.of("nickname", "Ace")));
		assertThat(mint("workos-fallback-path").get("user").asString()).isEqualTo("Ace");
		assertThat(mint("workos-fallback-string").get("user").asString()).isEqualTo("Ace");
	}

	@Test
	void previewWhenObjectInsideAStringThenWorkOsValidationError() {
		ApiClient.Response preview = this.api.post("/jwt_templates/preview",
				Map.of("template", "{ \"user\": \"{{ user.metadata }}\" }", "user_id", this.userId));

		assertThat(preview.status()).isEqualTo(422);
		assertThat(preview.json().at("/errors/0/message").asString())
			.isEqualTo("String encapsulated expression cannot contain object reference");
	}

	private void plantCustomAttributes(String json) {
		// The management API for this class is another branch's; SQL stands in for it.
		this.jdbc.update("UPDATE organization_membership SET custom_attributes = ? WHERE id = ?", json,
				this.membershipId);
	}

	private JsonNode mint(String template) {
		ApiClient.Response minted = this.api.post("/access_tokens",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "template", template));
		assertThat(minted.status()).as("%s: %s", template, minted.text()).isEqualTo(200);
		return ClaimsContextSchemaApiTest.payload(minted.field("access_token"));
	}

}
