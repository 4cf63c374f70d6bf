package dev.claimsmith.user;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class UserApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	@Autowired
	Fixtures fixtures;

	@Test
	void createThenReturnsEveryFieldAndNeverThePassword() {
		String email = "Jane." + unique() + "@Example.com";
		Response created = this.api.post("/user_management/users",
				Map.of("email", email, "password", "correct horse battery", "first_name", "Jane", "last_name", "Doe",
						"email_verified", true, "external_id", "crm-" + unique(), "metadata", Map.of("plan", "pro")));

		assertThat(created.status()).isEqualTo(201);
		JsonNode user = created.json();
		assertThat(user.get("object").asString()).isEqualTo("user");
		assertThat(user.get("id").asString()).matches("user_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(user.get("email").asString()).isEqualTo(email);
		assertThat(user.get("email_verified").asBoolean()).isTrue();
		assertThat(user.get("first_name").asString()).isEqualTo("Jane");
		assertThat(user.get("last_name").asString()).isEqualTo("Doe");
		assertThat(user.get("metadata").get("plan").asString()).isEqualTo("pro");
		assertThat(user.has("profile_picture_url")).isTrue();
		assertThat(user.get("last_sign_in_at").isNull()).isTrue();
		assertThat(user.get("created_at").asString()).endsWith("Z");
		assertThat(created.text()).doesNotContain("correct horse").doesNotContain("password").doesNotContain("argon");
	}

	@Test
	void createThenPasswordIsStoredAsArgon2idAtOwaspParameters() {
		String id = this.api
			.post("/user_management/users",
					Map.of("email", "hash-" + unique() + "@example.com", "password", "s3cret-password"))
			.field("id");

		String hash = this.jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("s3cret");
	}

	@Test
	void createWhenEmailTakenInAnyCaseThen400EmailNotAvailable() {
		String email = "taken-" + unique() + "@example.com";
		this.api.post("/user_management/users", Map.of("email", email));

		Response duplicate = this.api.post("/user_management/users", Map.of("email", email.toUpperCase()));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.field("code")).isEqualTo("email_not_available");
	}

	@Test
	void createWhenEmailOrPasswordInvalidThen422NamingTheField() {
		Response badEmail = this.api.post("/user_management/users", Map.of("email", "not-an-email"));
		assertThat(badEmail.status()).isEqualTo(422);
		assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

		Response noEmail = this.api.post("/user_management/users", Map.of("first_name", "x"));
		assertThat(noEmail.status()).isEqualTo(422);

		Response shortPassword = this.api.post("/user_management/users",
				Map.of("email", "p-" + unique() + "@example.com", "password", "short"));
		assertThat(shortPassword.status()).isEqualTo(422);
		assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	@Test
	void createWithImportedPasswordHashThen422RatherThanAUserWhoCannotSignIn() {
		String email = "import-" + unique() + "@example.com";
		Response response = this.api.post("/user_management/users", Map.of("email", email, "password_hash",
				"$2a$10$abcdefghijklmnopqrstuv", "password_hash_type", "bcrypt"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password_hash");
		assertThat(this.api.get("/user_management/users?email=" + email).json().get("data")).isEmpty();
	}

	@Test
	void updateThenOnlySentFieldsChangeAndMetadataIsMerged() {
		JsonNode user = this.api
			.post("/user_management/users",
					Map.of("email", "u-" + unique() + "@example.com", "first_name", "Ann", "last_name", "Lee",
							"metadata", Map.of("a", "1", "b", "2")))
			.json();
		String id = user.get("id").asString();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("a", null);
		metadata.put("c", "3");

		JsonNode updated = this.api
			.put("/user_management/users/" + id, Map.of("first_name", "Anne", "metadata", metadata))
			.json();
		assertThat(updated.get("first_name").asString()).isEqualTo("Anne");
		assertThat(updated.get("last_name").asString()).isEqualTo("Lee");
		assertThat(updated.get("email").asString()).isEqualTo(user.get("email").asString());
		assertThat(updated.get("metadata").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("b", "c");
	}

	@Test
	void getByExternalIdThenFindsTheUser() {
		String externalId = "emp-" + unique();
		String id = this.api
			.post("/user_management/users",
					Map.of("email", "e-" + unique() + "@example.com", "external_id", externalId))
			.field("id");

		assertThat(this.api.get("/user_management/users/external_id/" + externalId).field("id")).isEqualTo(id);
		assertThat(this.api.get("/user_management/users/external_id/missing-" + unique()).status()).isEqualTo(404);

		Response duplicate = this.api.post("/user_management/users",
				Map.of("email", "f-" + unique() + "@example.com", "external_id", externalId));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.field("code")).isEqualTo("external_id_already_used");
	}

	@Test
	void listByEmailIsCaseInsensitiveAndByOrganizationListsItsMembers() {
		String email = "list-" + unique() + "@example.com";
		String id = this.api.post("/user_management/users", Map.of("email", email)).field("id");
		Fixtures.Member member = this.fixtures.member().ofNewOrganization().create();
		String other = member.userId();
		String orgId = member.organizationId();

		JsonNode byEmail = this.api.get("/user_management/users?email=" + email.toUpperCase()).json();
		assertThat(byEmail.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(id);

		JsonNode byOrg = this.api.get("/user_management/users?organization_id=" + orgId).json();
		assertThat(byOrg.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(other);
		assertThat(byOrg.get("list_metadata").get("after").isNull()).isTrue();
	}

	@Test
	void deleteThen200AndTheUsersMembershipsAreGone() {
		Fixtures.Member member = this.fixtures.member().ofNewOrganization().create();
		String userId = member.userId();
		String membershipId = member.membershipId();

		Response deleted = this.api.delete("/user_management/users/" + userId);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.text()).isEmpty();
		assertThat(this.api.get("/user_management/users/" + userId).status()).isEqualTo(404);
		assertThat(this.api.get("/user_management/organization_memberships/" + membershipId).status()).isEqualTo(404);
	}

}
