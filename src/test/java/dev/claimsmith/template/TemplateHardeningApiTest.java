package dev.claimsmith.template;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP: a template nested too deeply is a deterministic 422 at preview, and data no
 * verifier can read ({@code "seats": "1e400"} under the shipped {@code | number}) is a
 * 422 at mint and preview, like any failed cast, never a token.
 */
@ApiTest
class TemplateHardeningApiTest {

	@Autowired
	ApiClient api;

	@Test
	void previewWhenSectionsNestedTooDeeplyThen422InvalidTemplateEveryTime() {
		for (int attempt = 0; attempt < 5; attempt++) {
			Response response = this.api.post("/jwt_templates/preview",
					Map.of("template", TemplateHardeningTests.nested(2000), "context", Map.of()));

			assertThatError(response).is(422, "invalid_template");
			assertThat(response.json().get("errors").get(0).get("path").asString()).isEqualTo("/deep");
		}
		assertThat(this.api
			.post("/jwt_templates/preview", Map.of("template", TemplateHardeningTests.nested(32), "context", Map.of()))
			.status()).isEqualTo(200);
	}

	@Test
	void mintWhenNumberMetadataIsOutsideTheRangeOfADoubleThen422AndNoToken() {
		String userId = this.api.post("/user_management/users", Map.of("email", "n-" + unique() + "@example.com"))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Huge", "metadata", Map.of("seats", "1e400")))
			.field("id");
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", userId, "organization_id", orgId, "role_slug", "member"));

		Response minted = this.api.post("/access_tokens", Map.of("user_id", userId, "organization_id", orgId));
		assertThatError(minted).is(422, "invalid_template");
		assertThat(minted.json().get("errors").get(0).get("path").asString()).isEqualTo("/seats");
		assertThat(minted.text()).doesNotContain("access_token").contains("outside the range of a double");

		Response preview = this.api.post("/jwt_templates/preview", Map.of("user_id", userId, "organization_id", orgId));
		assertThatError(preview).is(422, "invalid_template");
	}

}
