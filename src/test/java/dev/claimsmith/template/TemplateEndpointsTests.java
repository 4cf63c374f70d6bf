package dev.claimsmith.template;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-only template endpoints, over the repository's shipped templates. */
@ApiTest
class TemplateEndpointsTests {

	@Autowired
	ApiClient api;

	@BeforeEach
	void client() {
	}

	@Test
	void listThenEveryShippedTemplateIsValid() {
		ApiClient.Response response = this.api.get("/jwt_templates");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("object").stringValue()).isEqualTo("list");
		assertThat(body.get("data").valueStream().map((t) -> t.get("name").stringValue())).contains("default",
				"hasura");
		for (JsonNode template : body.get("data")) {
			assertThat(template.get("object").stringValue()).isEqualTo("jwt_template");
			assertThat(template.get("valid").booleanValue()).isTrue();
			assertThat(template.get("errors")).isEmpty();
			assertThat(template.get("content").stringValue()).isNotBlank();
			assertThat(template.get("updated_at").stringValue())
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		}
	}

	@Test
	void getWhenKnownThenTemplate() {
		ApiClient.Response response = this.api.get("/jwt_templates/hasura");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("name")).isEqualTo("hasura");
		assertThat(response.field("content")).contains("https://hasura.io/jwt/claims");
	}

	@Test
	void getWhenUnknownThen404() {
		ApiClient.Response response = this.api.get("/jwt_templates/nope");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.field("code")).isEqualTo("entity_not_found");
	}

	@Test
	void getWorkosTemplateThenDefaultInWorkosShape() {
		ApiClient.Response response = this.api.get("/user_management/jwt_template");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("object", "content", "created_at",
				"updated_at");
		assertThat(response.field("object")).isEqualTo("jwt_template");
		assertThat(response.field("content")).contains("{{ user.first_name }}");
	}

	@Test
	void putWhenInvalidThen422AndNothingChanges() {
		ApiClient.Response before = this.api.get("/user_management/jwt_template");
		ApiClient.Response response = this.api.put("/user_management/jwt_template",
				Map.of("content", "{\"sub\": \"x\", \"a\": \"{{ usr.email }}\"}"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.field("code")).isEqualTo("invalid_template");
		assertThat(response.json().get("errors").valueStream().map((e) -> e.get("path").stringValue()))
			.containsExactly("/sub", "/a");
		assertThat(this.api.get("/user_management/jwt_template").field("content")).isEqualTo(before.field("content"));
	}

}
