package dev.claimsmith.membership;

import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class MembershipApiTest {

	@Autowired
	ApiClient api;

	String userId;

	String orgId;

	@BeforeEach
	void setUp() {
		this.userId = this.api
			.post("/user_management/users",
					Map.of("email", "m-" + unique() + "@example.com", "metadata", Map.of("k", "v")))
			.field("id");
		this.orgId = this.api.post("/organizations", Map.of("name", "Org " + unique())).field("id");
	}

	@Test
	void createThenDefaultsToMemberAndEmbedsUserAndOrganizationName() {
		Response created = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId));

		assertThat(created.status()).isEqualTo(201);
		JsonNode membership = created.json();
		assertThat(membership.get("object").asString()).isEqualTo("organization_membership");
		assertThat(membership.get("id").asString()).startsWith("om_");
		assertThat(membership.get("user_id").asString()).isEqualTo(this.userId);
		assertThat(membership.get("organization_id").asString()).isEqualTo(this.orgId);
		assertThat(membership.get("organization_name").asString()).startsWith("Org ");
		assertThat(membership.get("status").asString()).isEqualTo("active");
		assertThat(membership.get("role").get("slug").asString()).isEqualTo("member");
		assertThat(membership.get("roles").get(0).get("slug").asString()).isEqualTo("member");
		assertThat(membership.get("directory_managed").isBoolean()).isTrue();
		assertThat(membership.get("directory_managed").asBoolean()).isFalse();
		assertThat(membership.get("user").get("id").asString()).isEqualTo(this.userId);
		assertThat(membership.get("created_at").asString()).endsWith("Z");
	}

	@Test
	void createWhenRoleUnknownThen422InvalidRole() {
		Response response = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slug", "owner"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.field("code")).isEqualTo("invalid_role");
	}

	@Test
	void createAndUpdateWhenRoleSlugsNamesOneRoleThenThatRole() {
		Response created = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slugs", List.of("admin")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("role").get("slug").asString()).isEqualTo("admin");

		Response updated = this.api.put("/user_management/organization_memberships/" + created.field("id"),
				Map.of("role_slugs", List.of("member")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("role").get("slug").asString()).isEqualTo("member");
	}

	@Test
	void createWhenRoleSlugsNamesSeveralRolesOrBothFormsGivenThen422() {
		Response several = this.api.post("/user_management/organization_memberships", Map.of("user_id", this.userId,
				"organization_id", this.orgId, "role_slugs", List.of("admin", "member")));
		assertThat(several.status()).isEqualTo(422);
		assertThat(several.json().get("errors").get(0).get("code").asString())
			.isEqualTo("multiple_roles_not_supported");

		Response both = this.api.post("/user_management/organization_memberships", Map.of("user_id", this.userId,
				"organization_id", this.orgId, "role_slug", "admin", "role_slugs", List.of("admin")));
		assertThat(both.status()).isEqualTo(422);
		assertThat(this.api.get("/user_management/organization_memberships?user_id=" + this.userId).json().get("data"))
			.isEmpty();
	}

	@Test
	void createWhenUserOrOrganizationUnknownThen404() {
		assertThat(this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", "user_01HXXXXXXXXXXXXXXXXXXXXXXX", "organization_id", this.orgId))
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", "org_01HXXXXXXXXXXXXXXXXXXXXXXX"))
			.status()).isEqualTo(404);
	}

	@Test
	void createWhenAlreadyMemberThen409() {
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId));

		Response duplicate = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slug", "admin"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.field("code")).isNotBlank();
	}

	@Test
	void updateRoleDeactivateReactivateAndDelete() {
		String id = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");

		assertThat(this.api.put("/user_management/organization_memberships/" + id, Map.of("role_slug", "admin"))
			.json()
			.get("role")
			.get("slug")
			.asString()).isEqualTo("admin");
		assertThat(
				this.api.put("/user_management/organization_memberships/" + id, Map.of("role_slug", "nope")).status())
			.isEqualTo(422);
		assertThat(
				this.api.put("/user_management/organization_memberships/" + id + "/deactivate", null).field("status"))
			.isEqualTo("inactive");
		assertThat(this.api.get("/user_management/organization_memberships?user_id=" + this.userId + "&statuses=active")
			.json()
			.get("data")).isEmpty();
		assertThat(
				this.api.put("/user_management/organization_memberships/" + id + "/reactivate", null).field("status"))
			.isEqualTo("active");
		assertThat(this.api.delete("/user_management/organization_memberships/" + id).status()).isEqualTo(200);
		assertThat(this.api.get("/user_management/organization_memberships/" + id).status()).isEqualTo(404);
	}

	@Test
	void listByOrganizationAndByUser() {
		String id = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");

		JsonNode byOrg = this.api.get("/user_management/organization_memberships?organization_id=" + this.orgId).json();
		assertThat(byOrg.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(id);
		JsonNode byUser = this.api
			.get("/user_management/organization_memberships?user_id=" + this.userId + "&statuses=active,inactive")
			.json();
		assertThat(byUser.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(id);
		assertThat(this.api.get("/user_management/organization_memberships").status()).isEqualTo(422);
		assertThat(this.api.get("/user_management/organization_memberships?user_id=" + this.userId + "&statuses=bogus")
			.status()).isEqualTo(422);
	}

	@Test
	void listWhenStatusesAbsentThenOnlyActiveAsInWorkOs() {
		String id = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");
		this.api.put("/user_management/organization_memberships/" + id + "/deactivate", null);

		assertThat(this.api.get("/user_management/organization_memberships?organization_id=" + this.orgId)
			.json()
			.get("data")).isEmpty();
		assertThat(this.api
			.get("/user_management/organization_memberships?organization_id=" + this.orgId + "&statuses=inactive")
			.json()
			.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(id);
	}

	@Test
	void listWhenStatusesPendingThenAcceptedAndMatchesNothing() {
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId));

		Response pending = this.api
			.get("/user_management/organization_memberships?user_id=" + this.userId + "&statuses=pending");
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.json().get("data")).isEmpty();
	}

	@Test
	void createWhenInactiveMembershipExistsThenReactivatesItWithTheRequestedRole() {
		String id = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");
		this.api.put("/user_management/organization_memberships/" + id + "/deactivate", null);

		Response recreated = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slug", "admin"));

		assertThat(recreated.status()).isEqualTo(201);
		assertThat(recreated.field("id")).isEqualTo(id);
		assertThat(recreated.field("status")).isEqualTo("active");
		assertThat(recreated.json().get("role").get("slug").asString()).isEqualTo("admin");
	}

	@Test
	void deleteOrganizationThenItsMembershipsGoWithIt() {
		String id = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("id");

		assertThat(this.api.delete("/organizations/" + this.orgId).status()).isEqualTo(202);
		assertThat(this.api.get("/user_management/organization_memberships/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/user_management/users/" + this.userId).status()).isEqualTo(200);
	}

}
