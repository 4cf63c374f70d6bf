package dev.claimsmith.token;

import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates read the metadata classes written through the management API (POST, PUT and
 * merge patch), typed, from stored data: the preview renders with the mint's subject
 * query and recipe.
 */
@ApiTest
class MetadataClassClaimsApiTest {

	private static final String TEMPLATE = """
			{"x": {{ user.public_metadata.x }}, "seats": {{ user.public_metadata.plan.seats }},
			 "theme": {{ user.unsafe_metadata.theme }}, "beta": {{ organization.public_metadata.beta }},
			 "y": {{ organization_membership.custom_attributes.y }},
			 "department": {{ organization_membership.custom_attributes.department.0 }},
			 "title": {{ organization_membership.public_metadata.title }},
			 "desk": {{ organization_membership.metadata.desk }}}""";

	@Autowired
	ApiClient api;

	@Test
	void previewWithStoredDataThenEveryClassWrittenThroughTheApiReachesTheClaimsTyped() {
		String userId = MetadataObject.USERS.create(this.api, Map.of("public_metadata",
				Map.of("x", 41, "plan", Map.of("seats", 3)), "unsafe_metadata", Map.of("theme", "dark")))
			.field("id");
		String orgId = MetadataObject.ORGANIZATIONS.create(this.api, Map.of("public_metadata", Map.of("beta", false)))
			.field("id");
		Response membership = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", userId, "organization_id", orgId, "custom_attributes",
						Map.of("department", List.of("R&D")), "metadata", Map.of("desk", "4B")));
		String membershipId = membership.field("id");
		this.api.put("/user_management/users/" + userId, Map.of("public_metadata", Map.of("x", 42)));
		this.api.put("/organizations/" + orgId, Map.of("public_metadata", Map.of("beta", true)));
		MetadataObject.MEMBERSHIPS.mergePatch(this.api, membershipId,
				Map.of("custom_attributes", Map.of("y", "why"), "public_metadata", Map.of("title", "Lead")));
		MetadataObject.USERS.mergePatch(this.api, userId,
				Map.of("public_metadata", Map.of("plan", Map.of("seats", 4))));

		Response preview = this.api.post("/jwt_templates/preview",
				Map.of("template", TEMPLATE, "user_id", userId, "organization_id", orgId));

		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		JsonNode claims = preview.json().get("claims");
		assertThat(claims.get("x").isNumber()).isTrue();
		assertThat(claims.get("x").asInt()).isEqualTo(42);
		assertThat(claims.get("seats").asInt()).isEqualTo(4);
		assertThat(claims.get("theme").asString()).isEqualTo("dark");
		assertThat(claims.get("beta").isBoolean()).isTrue();
		assertThat(claims.get("beta").asBoolean()).isTrue();
		assertThat(claims.get("y").asString()).isEqualTo("why");
		assertThat(claims.get("department").asString()).isEqualTo("R&D");
		assertThat(claims.get("title").asString()).isEqualTo("Lead");
		assertThat(claims.get("desk").asString()).isEqualTo("4B");
	}

}
