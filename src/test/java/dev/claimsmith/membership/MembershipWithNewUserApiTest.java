package dev.claimsmith.membership;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code user:{…}} instead of {@code user_id} creates the user and the membership in one
 * transaction (Scalekit's createUserAndMembership): afterwards both exist or neither
 * does. Counting users by email in the database proves the "neither".
 */
@ApiTest
class MembershipWithNewUserApiTest {

	private static final String MEMBERSHIPS = "/user_management/organization_memberships";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiClient api;

	String orgId;

	@BeforeEach
	void setUp() {
		this.orgId = this.api.post("/organizations", Map.of("name", "Org " + unique())).field("id");
	}

	@Test
	void createWithUserBodyThenUserAndMembershipExistAndTheUserCanSignIn() {
		String email = "new-" + unique() + "@example.com";
		Response created = this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", email, "first_name", "Grace", "password", "correct horse battery"),
						"organization_id", this.orgId, "role_slug", "admin", "external_id", "emp-" + unique()));

		assertThat(created.status()).isEqualTo(201);
		String userId = created.field("user_id");
		assertThat(userId).startsWith("user_");
		assertThat(created.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(created.json().get("user").get("first_name").asString()).isEqualTo("Grace");
		assertThat(created.json().get("role").get("slug").asString()).isEqualTo("admin");
		assertThat(created.text()).doesNotContain("correct horse").doesNotContain("password");
		assertThat(this.api.get("/user_management/users/" + userId).status()).isEqualTo(200);
		Response signIn = this.api.post("/user_management/authenticate",
				Map.of("grant_type", "password", "client_id", "client_claimsmith", "client_secret", ApiClient.API_KEY,
						"email", email, "password", "correct horse battery"));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.field("organization_id")).isEqualTo(this.orgId);
	}

	@Test
	void createWhenMembershipExternalIdTakenThenNeitherUserNorMembershipIsWritten() {
		String externalId = "emp-" + unique();
		String existing = this.api.post("/user_management/users", Map.of("email", "e-" + unique() + "@example.com"))
			.field("id");
		this.api.post(MEMBERSHIPS,
				Map.of("user_id", existing, "organization_id", this.orgId, "external_id", externalId));
		String email = "rollback-" + unique() + "@example.com";

		Response refused = this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", email), "organization_id", this.orgId, "external_id", externalId));

		assertThatError(refused).is(400, "external_id_already_used");
		assertThat(usersWithEmail(email)).as("the user was rolled back with the membership").isZero();
	}

	@Test
	void createWhenRoleUnknownOrOrganizationUnknownThenNoUserIsWritten() {
		String email = "norole-" + unique() + "@example.com";
		assertThatError(this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", email), "organization_id", this.orgId, "role_slug", "owner")))
			.is(422, "invalid_role");
		assertThatError(this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", email), "organization_id", "org_01HXXXXXXXXXXXXXXXXXXXXXXX")))
			.is(404, "entity_not_found");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void createWhenUserEmailTakenThenNoMembershipAndTheExistingUserUntouched() {
		String email = "taken-" + unique() + "@example.com";
		String existing = this.api.post("/user_management/users", Map.of("email", email)).field("id");

		assertThatError(
				this.api.post(MEMBERSHIPS, Map.of("user", Map.of("email", email), "organization_id", this.orgId)))
			.is(400, "email_not_available");
		assertThat(this.api.get(MEMBERSHIPS + "?user_id=" + existing + "&statuses=active,inactive,pending")
			.json()
			.get("data")).isEmpty();
		assertThat(usersWithEmail(email)).isOne();
	}

	@Test
	void userBodyIsValidatedAndExclusiveWithUserId() {
		assertThatError(this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", "not-an-email"), "organization_id", this.orgId)))
			.is(422, "invalid_request_parameters")
			.namesField("email");
		assertThatError(this.api.post(MEMBERSHIPS, Map.of("user", "x", "organization_id", this.orgId)))
			.is(422, "invalid_request_parameters")
			.namesField("user");
		assertThatError(this.api.post(MEMBERSHIPS,
				Map.of("user", Map.of("email", "a-" + unique() + "@example.com"), "user_id",
						"user_01HXXXXXXXXXXXXXXXXXXXXXXX", "organization_id", this.orgId)))
			.is(422, "invalid_request_parameters")
			.namesField("user_id");
		assertThatError(this.api.post(MEMBERSHIPS, Map.of("organization_id", this.orgId)))
			.is(422, "invalid_request_parameters")
			.namesField("user_id");
	}

	private long usersWithEmail(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email_key = ?")
			.param(email.toLowerCase())
			.query(Long.class)
			.single();
	}

}
