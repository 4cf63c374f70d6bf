package dev.claimsmith.template;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.template.ClaimsContextSchema.ContextField;
import dev.claimsmith.template.ClaimsContextSchema.ContextObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every path of {@link ClaimsContextSchema} resolves from stored data: a distinct value
 * is planted with SQL for each field (in the column the schema names), and a real mint of
 * a template that reads every path ({@link FixtureTemplates#everyPathTemplate()}) carries
 * each planted value. A schema field without a column, or a derived field nobody fills,
 * fails here.
 */
@ApiTest
class ClaimsContextSchemaApiTest extends FixtureTemplates {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiClient api;

	String run;

	Map<String, String> ids;

	@BeforeEach
	void setUp() {
		this.run = unique();
		String userId = this.api
			.post("/user_management/users",
					Map.of("email", "schema-" + this.run + "@example.com", "email_verified", false))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Schema " + this.run)).field("id");
		String membershipId = this.api
			.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId))
			.field("id");
		this.ids = Map.of("user", userId, "organization", orgId, "organization_membership", membershipId);
	}

	@Test
	void mintWhenEverySchemaPathHasAPlantedValueThenTheTokenCarriesEachOne() {
		Map<String, Object> expected = new LinkedHashMap<>();
		for (ContextObject object : ClaimsContextSchema.get().objects()) {
			for (ContextField field : object.fields()) {
				expected.put(object.name() + "." + field.name(), plant(object, field));
			}
		}

		ApiClient.Response minted = this.api.post("/access_tokens", Map.of("user_id", this.ids.get("user"),
				"organization_id", this.ids.get("organization"), "template", FixtureTemplates.EVERY_PATH));

		assertThat(minted.status()).as(minted.text()).isEqualTo(200);
		JsonNode payload = payload(minted.field("access_token"));
		expected.forEach((path, value) -> assertThat(JSON.convertValue(payload.get(path), Object.class))
			.as("claim %s (template reads %s)", path, path)
			.isEqualTo(value));
	}

	@Test
	void templateWhenGeneratedThenItReadsEverySchemaFieldAndLoads() {
		ApiClient.Response stored = this.api.get("/jwt_templates/" + FixtureTemplates.EVERY_PATH);

		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.json().get("valid").asBoolean()).as(stored.text()).isTrue();
		for (ContextObject object : ClaimsContextSchema.get().objects()) {
			for (ContextField field : object.fields()) {
				assertThat(stored.field("content"))
					.contains("{{ " + FixtureTemplates.leaf(object.name() + "." + field.name(), field.type()) + " }}");
			}
		}
	}

	/** Stores a value for one field and returns what its claim must be. */
	private Object plant(ContextObject object, ContextField field) {
		String id = this.ids.get(object.name());
		String distinct = object.name() + "." + field.name() + "." + this.run;
		if (!field.isStored()) {
			return plantDerived(object.name() + "." + field.name(), distinct);
		}
		switch (field.type()) {
			case JSON_OBJECT -> update(object, field.column(), "{\"probe\":{\"nested\":[\"" + distinct + "\"]}}", id);
			case BOOLEAN -> {
				update(object, field.column(), true, id);
				return true;
			}
			case STRING -> {
				switch (field.column()) {
					// The key cannot change; the API made it distinct already.
					case "id" -> {
						return id;
					}
					// Only an active member gets a token; only a configured role has one.
					case "status" -> distinct = "active";
					case "role_slug" -> distinct = "admin";
					case "email" -> update(object, "email_key", distinct, id);
					default -> {
					}
				}
				update(object, field.column(), distinct, id);
			}
			default -> fail("No way to plant a stored %s: add one to this test", field.type());
		}
		return distinct;
	}

	/** Fields the mint derives from other data: plant that data. */
	private Object plantDerived(String path, String distinct) {
		return switch (path) {
			// From the role planted in organization_membership.role (schema order).
			case "organization_membership.roles" -> "admin";
			case "organization_membership.permissions" -> "organization:manage";
			case "organization.domains" -> {
				this.jdbc.update(
						"INSERT INTO organization_domain (organization_id, position, domain_id, domain, state,"
								+ " created_at, updated_at) VALUES (?, 0, ?, ?, 'verified', CURRENT_TIMESTAMP,"
								+ " CURRENT_TIMESTAMP)",
						this.ids.get("organization"), "org_domain_" + this.run, distinct);
				yield distinct;
			}
			default ->
				fail("Derived field %s has no stored data to plant: add it to this test and to the mint query", path);
		};
	}

	private void update(ContextObject object, String column, Object value, String id) {
		int rows = this.jdbc.update("UPDATE " + object.table() + " SET " + column + " = ? WHERE id = ?", value, id);
		assertThat(rows).as("%s.%s of %s", object.table(), column, id).isEqualTo(1);
	}

	static JsonNode payload(String token) {
		String[] parts = token.split("\\.");
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
	}

}
