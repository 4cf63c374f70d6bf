package dev.claimsmith.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The invitations API on WorkOS's wire: create, get, by_token, list, revoke, resend; the
 * pending membership an invitation holds; one open invitation per email and organization,
 * also under a race; the token only ever stored as a hash.
 */
@ApiTest
class InvitationApiTest {

	static final String INVITATIONS = "/user_management/invitations";

	static final String MEMBERSHIPS = "/user_management/organization_memberships";

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
	void createThenTokenAndAcceptUrlOnceAndOnlyAHashStored() throws Exception {
		String email = email();
		Response created = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode invitation = created.json();
		assertThat(invitation.get("object").asString()).isEqualTo("invitation");
		assertThat(invitation.get("id").asString()).startsWith("invitation_");
		assertThat(invitation.get("email").asString()).isEqualTo(email);
		assertThat(invitation.get("state").asString()).isEqualTo("pending");
		assertThat(invitation.get("organization_id").asString()).isEqualTo(this.orgId);
		assertThat(invitation.get("role_slug").asString()).isEqualTo("member");
		for (String field : List.of("accepted_at", "revoked_at", "inviter_user_id", "accepted_user_id")) {
			assertThat(invitation.get(field).isNull()).as(field).isTrue();
		}
		String token = invitation.get("token").asString();
		assertThat(token).hasSizeGreaterThanOrEqualTo(22);
		assertThat(invitation.get("accept_invitation_url").asString())
			.as("claimsmith.invitations.accept-url, by default on the issuer")
			.endsWith("/invitations/accept?invitation_token=" + token);
		assertThat(Instant.parse(invitation.get("expires_at").asString()))
			.isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.header("ETag")).isNotBlank();

		Response fetched = this.api.get(INVITATIONS + "/" + created.field("id"));
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.field("token")).as("the token is not kept in clear").isEmpty();
		assertThat(fetched.field("accept_invitation_url")).isEmpty();
		assertThat(fetched.field("expires_at")).isEqualTo(created.field("expires_at"));
		assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
		String stored = this.jdbc.sql("SELECT token_hash FROM invitation WHERE id = ?")
			.param(created.field("id"))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(sha256(token)).doesNotContain(token);
	}

	@Test
	void createHoldsAPendingMembershipThatOnlyStatusesPendingLists() {
		String existingUser = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		String existingEmail = this.api.get("/user_management/users/" + existingUser).field("email");
		this.api.post(INVITATIONS, Map.of("email", existingEmail, "organization_id", this.orgId, "role_slug", "admin"));
		this.api.post(INVITATIONS, Map.of("email", email(), "organization_id", this.orgId));

		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId).json().get("data")).isEmpty();
		JsonNode pending = this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=pending")
			.json()
			.get("data");
		assertThat(pending).hasSize(2).allSatisfy((membership) -> {
			assertThat(membership.get("status").asString()).isEqualTo("pending");
			assertThat(membership.has("user_id")).isTrue();
		});
		assertThat(pending)
			.extracting(
					(membership) -> membership.get("user_id").isNull() ? null : membership.get("user_id").asString())
			.containsExactlyInAnyOrder(existingUser, null);
		assertThat(this.api.get(MEMBERSHIPS + "?user_id=" + existingUser + "&statuses=pending").json().get("data"))
			.singleElement()
			.satisfies((membership) -> assertThat(membership.get("role").get("slug").asString()).isEqualTo("admin"));
		String pendingId = pending.get(0).get("id").asString();
		assertThat(this.api.put(MEMBERSHIPS + "/" + pendingId + "/reactivate", null).status())
			.as("only the invitation activates it")
			.isEqualTo(409);
		assertThat(this.api.get(MEMBERSHIPS + "/" + pendingId).field("status")).isEqualTo("pending");
	}

	@Test
	void createWhenOpenInvitationForEmailAndOrganizationThen400DuplicateButOtherOrganizationFine() {
		String email = email();
		assertThat(this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId)).status())
			.isEqualTo(201);

		assertThatError(this.api.post(INVITATIONS, Map.of("email", email.toUpperCase(), "organization_id", this.orgId)))
			.is(400, "duplicate_invitation");
		String other = this.api.post("/organizations", Map.of("name", "Org " + unique())).field("id");
		assertThat(this.api.post(INVITATIONS, Map.of("email", email, "organization_id", other)).status())
			.isEqualTo(201);
		assertThat(this.api.post(INVITATIONS, Map.of("email", email)).status()).isEqualTo(201);
		assertThatError(this.api.post(INVITATIONS, Map.of("email", email))).is(400, "duplicate_invitation");
	}

	@Test
	void racingCreatesForOneEmailAndOrganizationLeaveOneInvitationAndOnePendingMembership() throws Exception {
		String userId = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		String withUser = this.api.get("/user_management/users/" + userId).field("email");
		for (String email : List.of(email(), withUser)) {
			List<Response> responses = race(8,
					() -> this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId)));
			assertThat(responses).filteredOn((response) -> response.status() == 201).as(email).hasSize(1);
			assertThat(responses).filteredOn((response) -> response.status() != 201)
				.allSatisfy((response) -> assertThatError(response).is(400, "duplicate_invitation"));
			assertThat(
					this.api.get(INVITATIONS + "?organization_id=" + this.orgId + "&email=" + email).json().get("data"))
				.hasSize(1);
		}
		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=pending&limit=100")
			.json()
			.get("data")).hasSize(2);
	}

	@Test
	void createValidatesItsFields() {
		assertThatError(this.api.post(INVITATIONS, Map.of("email", "nope"))).is(422, "invalid_request_parameters")
			.namesField("email");
		for (Object days : new Object[] { 0, 31, "7", 1.5 }) {
			assertThatError(this.api.post(INVITATIONS, Map.of("email", email(), "expires_in_days", days)))
				.is(422, "invalid_request_parameters")
				.namesField("expires_in_days");
		}
		Response thirty = this.api.post(INVITATIONS, Map.of("email", email(), "expires_in_days", 30));
		assertThat(Instant.parse(thirty.field("expires_at"))).isCloseTo(Instant.now().plus(Duration.ofDays(30)),
				within(Duration.ofMinutes(1)));
		assertThatError(this.api.post(INVITATIONS, Map.of("email", email(), "role_slug", "admin")))
			.is(422, "invalid_request_parameters")
			.namesField("role_slug");
		assertThatError(this.api.post(INVITATIONS,
				Map.of("email", email(), "organization_id", this.orgId, "role_slug", "owner")))
			.is(422, "invalid_role");
		assertThatError(this.api.post(INVITATIONS,
				Map.of("email", email(), "organization_id", "org_01HXXXXXXXXXXXXXXXXXXXXXXX")))
			.is(404, "entity_not_found");
		assertThatError(this.api.post(INVITATIONS,
				Map.of("email", email(), "inviter_user_id", "user_01HXXXXXXXXXXXXXXXXXXXXXXX")))
			.is(404, "entity_not_found");
		assertThatError(this.api.post(INVITATIONS, Map.of("email", email(), "metadata", Map.of("k", 1)))).is(400,
				"invalid_metadata");
		assertThatError(this.api.post(INVITATIONS, Map.of("email", email(), "public_metadata", List.of(1))))
			.is(422, "invalid_request_parameters")
			.namesField("public_metadata");
		assertThat(
				this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=pending").json().get("data"))
			.as("nothing held by a refused invitation")
			.isEmpty();
	}

	@Test
	void createWithInviterAndMetadataThenShown() {
		String inviter = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		Response created = this.api.post(INVITATIONS,
				Map.of("email", email(), "organization_id", this.orgId, "inviter_user_id", inviter, "metadata",
						Map.of("source", "crm"), "public_metadata", Map.of("team", Map.of("name", "blue"))));

		assertThat(created.field("inviter_user_id")).isEqualTo(inviter);
		assertThat(created.json().get("metadata").get("source").asString()).isEqualTo("crm");
		assertThat(created.json().get("public_metadata").get("team").get("name").asString()).isEqualTo("blue");
	}

	@Test
	void byTokenFindsTheInvitationWithItsTokenAndUnknownTokenIs404() {
		Response created = this.api.post(INVITATIONS, Map.of("email", email(), "organization_id", this.orgId));
		String token = created.field("token");

		Response found = this.api.get(INVITATIONS + "/by_token/" + token);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.field("id")).isEqualTo(created.field("id"));
		assertThat(found.field("token")).isEqualTo(token);
		assertThat(found.field("accept_invitation_url")).endsWith(token);
		assertThatError(this.api.get(INVITATIONS + "/by_token/not-" + token)).is(404, "entity_not_found");
		assertThatError(this.api.get(INVITATIONS + "/invitation_01HXXXXXXXXXXXXXXXXXXXXXXX")).is(404,
				"entity_not_found");
	}

	@Test
	void listFiltersByOrganizationAndEmailAndPages() {
		String email = email();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.api.post(INVITATIONS, Map.of("email", "p" + i + email, "organization_id", this.orgId))
				.field("id"));
		}
		String other = this.api.post("/organizations", Map.of("name", "Org " + unique())).field("id");
		String elsewhere = this.api.post(INVITATIONS, Map.of("email", "p0" + email, "organization_id", other))
			.field("id");

		JsonNode first = this.api.get(INVITATIONS + "?organization_id=" + this.orgId + "&limit=2").json();
		assertThat(first.get("object").asString()).isEqualTo("list");
		assertThat(first.get("data")).extracting((node) -> node.get("id").asString())
			.containsExactly(ids.get(2), ids.get(1));
		assertThat(first.get("data").get(0).get("token").asString()).isEmpty();
		String after = first.get("list_metadata").get("after").asString();
		JsonNode second = this.api.get(INVITATIONS + "?organization_id=" + this.orgId + "&limit=2&after=" + after)
			.json();
		assertThat(second.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(ids.get(0));
		assertThat(second.get("list_metadata").get("after").isNull()).isTrue();
		assertThat(this.api.get(INVITATIONS + "?email=P0" + email).json().get("data"))
			.extracting((node) -> node.get("id").asString())
			.containsExactly(elsewhere, ids.get(0));
		assertThat(this.api.get(INVITATIONS + "?limit=0").status()).isEqualTo(422);
	}

	@Test
	void revokeThenRevokedPendingMembershipGoneAndRevokeOrAcceptAgainInvalid() {
		Response created = this.api.post(INVITATIONS, Map.of("email", email(), "organization_id", this.orgId));
		String id = created.field("id");

		Response revoked = this.api.post(INVITATIONS + "/" + id + "/revoke", null);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.field("state")).isEqualTo("revoked");
		assertThat(revoked.field("revoked_at")).endsWith("Z");
		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=active,inactive,pending")
			.json()
			.get("data")).isEmpty();
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/revoke", null)).is(400, "invitation_invalid");
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/accept", null)).is(400, "invitation_invalid");
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/resend", null)).is(400, "invitation_invalid");
		assertThat(this.api.get(INVITATIONS + "/" + id).field("updated_at")).isEqualTo(revoked.field("updated_at"));
		assertThat(this.api.post(INVITATIONS, Map.of("email", created.field("email"), "organization_id", this.orgId))
			.status()).as("a revoked invitation is not open").isEqualTo(201);
	}

	@Test
	void revokeWhenInvitedUserHadAnInactiveMembershipThenItIsInactiveAgainWithItsOwnRole() {
		String userId = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		String email = this.api.get("/user_management/users/" + userId).field("email");
		String membershipId = this.api
			.post(MEMBERSHIPS, Map.of("user_id", userId, "organization_id", this.orgId, "role_slug", "member"))
			.field("id");
		this.api.put(MEMBERSHIPS + "/" + membershipId + "/deactivate", null);

		String id = this.api
			.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId, "role_slug", "admin"))
			.field("id");
		assertThat(this.api.get(MEMBERSHIPS + "/" + membershipId).field("status")).isEqualTo("pending");
		this.api.post(INVITATIONS + "/" + id + "/revoke", null);

		Response released = this.api.get(MEMBERSHIPS + "/" + membershipId);
		assertThat(released.field("status")).isEqualTo("inactive");
		assertThat(released.json().get("role").get("slug").asString())
			.as("a revoked invitation grants nothing, its role included")
			.isEqualTo("member");
		this.api.put(MEMBERSHIPS + "/" + membershipId + "/reactivate", null);
		assertThat(this.api.get(MEMBERSHIPS + "/" + membershipId).json().get("role").get("slug").asString())
			.isEqualTo("member");
	}

	@Test
	void addingAMembershipAnOpenInvitationHoldsThen409SayingSo() {
		String userId = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		String email = this.api.get("/user_management/users/" + userId).field("email");
		this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId));

		Response refused = this.api.post(MEMBERSHIPS, Map.of("user_id", userId, "organization_id", this.orgId));

		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.field("code")).isEqualTo("organization_membership_already_exists");
		assertThat(refused.field("message")).contains("pending").contains("invitation").doesNotContain("active");
	}

	@Test
	void inviteWhenAlreadyActiveMemberThen409() {
		String userId = this.api.post("/user_management/users", Map.of("email", email())).field("id");
		this.api.post(MEMBERSHIPS, Map.of("user_id", userId, "organization_id", this.orgId));

		Response refused = this.api.post(INVITATIONS, Map.of("email",
				this.api.get("/user_management/users/" + userId).field("email"), "organization_id", this.orgId));
		assertThat(refused.status()).isEqualTo(409);
	}

	@Test
	void resendGivesANewTokenAndExpiryAndTheOldTokenStopsWorking() {
		Response created = this.api.post(INVITATIONS,
				Map.of("email", email(), "organization_id", this.orgId, "expires_in_days", 2));
		String id = created.field("id");
		expire(id);

		Response resent = this.api.post(INVITATIONS + "/" + id + "/resend", null);
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.field("state")).isEqualTo("pending");
		assertThat(resent.field("token")).isNotEmpty().isNotEqualTo(created.field("token"));
		assertThat(resent.field("accept_invitation_url")).endsWith(resent.field("token"));
		assertThat(Instant.parse(resent.field("expires_at"))).isCloseTo(Instant.now().plus(Duration.ofDays(2)),
				within(Duration.ofMinutes(1)));
		assertThat(this.api.get(INVITATIONS + "/by_token/" + created.field("token")).status()).isEqualTo(404);
		assertThat(this.api.get(INVITATIONS + "/by_token/" + resent.field("token")).field("id")).isEqualTo(id);
	}

	@Test
	void expiredThenShownExpiredNotAcceptableAndANewInvitationReplacesIt() {
		Response created = this.api.post(INVITATIONS, Map.of("email", email(), "organization_id", this.orgId));
		String id = created.field("id");
		expire(id);

		assertThat(this.api.get(INVITATIONS + "/" + id).field("state")).isEqualTo("expired");
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/accept", null)).is(400, "invitation_invalid");
		assertThat(this.api.get(INVITATIONS + "/" + id).field("state")).isEqualTo("expired");

		Response replacement = this.api.post(INVITATIONS,
				Map.of("email", created.field("email"), "organization_id", this.orgId));
		assertThat(replacement.status()).isEqualTo(201);
		assertThat(this.api.get(INVITATIONS + "/" + id).field("state")).isEqualTo("expired");
		assertThatError(this.api.post(INVITATIONS + "/" + id + "/resend", null)).is(400, "invitation_invalid");
		assertThat(
				this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=pending").json().get("data"))
			.as("the replaced invitation's membership is gone")
			.hasSize(1);
	}

	private void expire(String id) {
		this.jdbc.sql("UPDATE invitation SET expires_at = ? WHERE id = ?")
			.param(OffsetDateTime.now().minusMinutes(1))
			.param(id)
			.update();
	}

	private List<Response> race(int racers, Callable<Response> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String email() {
		return "inv-" + unique() + "@example.com";
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
