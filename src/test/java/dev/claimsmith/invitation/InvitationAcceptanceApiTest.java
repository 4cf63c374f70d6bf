package dev.claimsmith.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Management-side acceptance ({@code POST …/{id}/accept}): the membership becomes active
 * with the invited role, the invitation's {@code metadata} and {@code public_metadata}
 * move to it (the invitation keeps the record, with empty classes), and accepting twice,
 * concurrently or not, changes nothing more.
 */
@ApiTest
class InvitationAcceptanceApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INVITATIONS = InvitationApiTest.INVITATIONS;

	private static final String MEMBERSHIPS = InvitationApiTest.MEMBERSHIPS;

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
	void acceptWhenEmailHasNoUserThenUserCreatedMembershipActiveAndMetadataMoved() {
		String email = InvitationApiTest.email();
		Response invited = this.api.post(INVITATIONS,
				Map.of("email", email, "organization_id", this.orgId, "role_slug", "admin", "metadata",
						Map.of("source", "crm"), "public_metadata", Map.of("team", Map.of("name", "blue"))));

		Response accepted = this.api.post(INVITATIONS + "/" + invited.field("id") + "/accept", null);

		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.field("state")).isEqualTo("accepted");
		assertThat(accepted.field("accepted_at")).endsWith("Z");
		String userId = accepted.field("accepted_user_id");
		assertThat(userId).startsWith("user_");
		assertThat(this.api.get("/user_management/users/" + userId).field("email")).isEqualTo(email);
		assertThat(accepted.json().get("metadata").isEmpty()).as("moved, not copied").isTrue();
		assertThat(accepted.json().get("public_metadata").isEmpty()).isTrue();
		JsonNode membership = this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&user_id=" + userId)
			.json()
			.get("data")
			.get(0);
		assertThat(membership.get("status").asString()).isEqualTo("active");
		assertThat(membership.get("role").get("slug").asString()).isEqualTo("admin");
		assertThat(membership.get("user").get("email").asString()).isEqualTo(email);
		assertThat(membership.get("metadata").get("source").asString()).isEqualTo("crm");
		assertThat(membership.get("public_metadata").get("team").get("name").asString()).isEqualTo("blue");
		Map<String, JsonNode> stored = storedMetadata(membership.get("id").asString());
		assertThat(stored.get("metadata").get("source").asString()).isEqualTo("crm");
		assertThat(stored.get("public_metadata").get("team").get("name").asString()).isEqualTo("blue");
		assertThat(
				this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=pending").json().get("data"))
			.isEmpty();
	}

	@Test
	void acceptWhenUserHadAnInactiveMembershipThenThatOneIsActiveAgainWithTheInvitedRole() {
		String userId = this.api.post("/user_management/users", Map.of("email", InvitationApiTest.email())).field("id");
		String email = this.api.get("/user_management/users/" + userId).field("email");
		String membershipId = this.api
			.post(MEMBERSHIPS, Map.of("user_id", userId, "organization_id", this.orgId, "external_id", "e-" + unique(),
					"metadata", Map.of("kept", "yes", "source", "old")))
			.field("id");
		this.api.put(MEMBERSHIPS + "/" + membershipId + "/deactivate", null);
		String id = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId, "role_slug",
				"admin", "metadata", Map.of("source", "crm")))
			.field("id");

		Response accepted = this.api.post(INVITATIONS + "/" + id + "/accept", null);

		assertThat(accepted.field("accepted_user_id")).isEqualTo(userId);
		Response membership = this.api.get(MEMBERSHIPS + "/" + membershipId);
		assertThat(membership.field("status")).isEqualTo("active");
		assertThat(membership.json().get("role").get("slug").asString()).isEqualTo("admin");
		assertThat(membership.field("external_id")).as("the membership keeps its own fields").startsWith("e-");
		assertThat(membership.json().get("metadata").properties()).as("moved keys set over the membership's own")
			.extracting((entry) -> entry.getKey() + "=" + entry.getValue().asString())
			.containsExactlyInAnyOrder("kept=yes", "source=crm");
	}

	@Test
	void acceptWhenNoOrganizationThenOnlyTheUserIsCreated() {
		String email = InvitationApiTest.email();
		String id = this.api.post(INVITATIONS, Map.of("email", email)).field("id");

		Response accepted = this.api.post(INVITATIONS + "/" + id + "/accept", null);

		assertThat(accepted.status()).isEqualTo(200);
		String userId = accepted.field("accepted_user_id");
		assertThat(this.api.get("/user_management/users?email=" + email).json().get("data"))
			.extracting((node) -> node.get("id").asString())
			.containsExactly(userId);
		assertThat(this.api.get(MEMBERSHIPS + "?user_id=" + userId + "&statuses=active,inactive,pending")
			.json()
			.get("data")).isEmpty();
	}

	@Test
	void acceptTwiceThen400AndNothingChanges() {
		String id = this.api
			.post(INVITATIONS, Map.of("email", InvitationApiTest.email(), "organization_id", this.orgId, "metadata",
					Map.of("k", "v")))
			.field("id");
		Response first = this.api.post(INVITATIONS + "/" + id + "/accept", null);
		String membershipId = this.api
			.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&user_id=" + first.field("accepted_user_id"))
			.json()
			.get("data")
			.get(0)
			.get("id")
			.asString();
		String membershipUpdated = this.api.get(MEMBERSHIPS + "/" + membershipId).field("updated_at");

		assertThatError(this.api.post(INVITATIONS + "/" + id + "/accept", null)).is(400, "invitation_invalid");
		assertThat(this.api.get(INVITATIONS + "/" + id).text()).isEqualTo(first.text());
		assertThat(this.api.get(MEMBERSHIPS + "/" + membershipId).field("updated_at")).isEqualTo(membershipUpdated);
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/revoke", null)).is(400, "invitation_invalid");
		assertThatError(this.api.post(INVITATIONS + "/invitation_01HXXXXXXXXXXXXXXXXXXXXXXX/accept", null)).is(404,
				"entity_not_found");
	}

	@Test
	void racingAcceptsThenExactlyOneWinsAndOneUserAndOneActiveMembershipExist() throws Exception {
		String email = InvitationApiTest.email();
		String id = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId)).field("id");
		int racers = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		List<Response> responses = new ArrayList<>();
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.api.post(INVITATIONS + "/" + id + "/accept", null);
				}));
			}
			start.countDown();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses).filteredOn((response) -> response.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() != 200)
			.allSatisfy((response) -> assertThat(response.field("code")).isEqualTo("invitation_invalid"));
		assertThat(this.api.get("/user_management/users?email=" + email).json().get("data")).hasSize(1);
		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId).json().get("data")).hasSize(1);
	}

	private Map<String, JsonNode> storedMetadata(String membershipId) {
		return this.jdbc.sql("SELECT metadata, public_metadata FROM organization_membership WHERE id = ?")
			.param(membershipId)
			.query((row, number) -> Map.of("metadata", JSON.readTree(row.getString(1)), "public_metadata",
					JSON.readTree(row.getString(2))))
			.single();
	}

}
