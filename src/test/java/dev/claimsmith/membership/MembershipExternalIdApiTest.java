package dev.claimsmith.membership;

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
import dev.claimsmith.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A membership's {@code external_id}: the customer's id for a user within one
 * organization, 1–128 printable ASCII, unique per organization (a database index, so also
 * under races), cleared by {@code null}, and looked up with
 * {@code ?organization_id&external_id}.
 */
@ApiTest
class MembershipExternalIdApiTest {

	private static final String MEMBERSHIPS = "/user_management/organization_memberships";

	@Autowired
	ApiClient api;

	@Autowired
	Fixtures fixtures;

	String orgId;

	@BeforeEach
	void setUp() {
		this.orgId = newOrganization();
	}

	@Test
	void createWithExternalIdThenShownAndFoundByOrganizationAndExternalId() {
		String externalId = "emp-" + unique();
		Response created = this.api.post(MEMBERSHIPS,
				Map.of("user_id", newUser(), "organization_id", this.orgId, "external_id", externalId));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.field("external_id")).isEqualTo(externalId);
		Response found = this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&external_id=" + externalId);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("data")).extracting((node) -> node.get("id").asString())
			.containsExactly(created.field("id"));
		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&external_id=other-" + unique())
			.json()
			.get("data")).isEmpty();
	}

	@Test
	void lookupByExternalIdWithoutOrganizationIsRejected() {
		String userId = newUser();
		assertThatError(this.api.get(MEMBERSHIPS + "?user_id=" + userId + "&external_id=x"))
			.is(422, "invalid_request_parameters")
			.namesField("external_id");
	}

	@Test
	void sameExternalIdInAnotherOrganizationIsFineButTakenInTheSameIsRejected() {
		String externalId = "emp-" + unique();
		this.api.post(MEMBERSHIPS,
				Map.of("user_id", newUser(), "organization_id", this.orgId, "external_id", externalId));

		Response elsewhere = this.api.post(MEMBERSHIPS,
				Map.of("user_id", newUser(), "organization_id", newOrganization(), "external_id", externalId));
		assertThat(elsewhere.status()).isEqualTo(201);

		String other = newUser();
		assertThatError(this.api.post(MEMBERSHIPS,
				Map.of("user_id", other, "organization_id", this.orgId, "external_id", externalId)))
			.is(400, "external_id_already_used")
			.namesField("external_id");
		assertThat(this.api.get(MEMBERSHIPS + "?user_id=" + other + "&statuses=active,inactive,pending")
			.json()
			.get("data")).as("nothing written").isEmpty();
	}

	@Test
	void putSetsChangesAndNullClearsTheExternalIdAndLeavesTheRoleAlone() {
		String id = this.api
			.post(MEMBERSHIPS, Map.of("user_id", newUser(), "organization_id", this.orgId, "role_slug", "admin"))
			.field("id");
		String externalId = "emp-" + unique();

		Response set = this.api.put(MEMBERSHIPS + "/" + id, Map.of("external_id", externalId));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.field("external_id")).isEqualTo(externalId);
		assertThat(set.json().get("role").get("slug").asString()).isEqualTo("admin");

		Map<String, Object> clear = new java.util.HashMap<>();
		clear.put("external_id", null);
		Response cleared = this.api.put(MEMBERSHIPS + "/" + id, clear);
		assertThat(cleared.json().get("external_id").isNull()).isTrue();
		assertThat(this.api.get(MEMBERSHIPS + "/" + id).json().get("external_id").isNull()).isTrue();

		String taken = "emp-" + unique();
		this.api.post(MEMBERSHIPS, Map.of("user_id", newUser(), "organization_id", this.orgId, "external_id", taken));
		assertThatError(this.api.put(MEMBERSHIPS + "/" + id, Map.of("external_id", taken))).is(400,
				"external_id_already_used");
	}

	@Test
	void boundsAndCharactersAreChecked() {
		String userId = newUser();
		String longest = (unique() + "-").repeat(20).substring(0, 128);
		assertThat(this.api
			.post(MEMBERSHIPS, Map.of("user_id", userId, "organization_id", this.orgId, "external_id", longest))
			.status()).isEqualTo(201);
		for (Object bad : new Object[] { "", longest + "x", "tab\there", "caf\u00e9", 42 }) {
			assertThatError(this.api.post(MEMBERSHIPS,
					Map.of("user_id", newUser(), "organization_id", this.orgId, "external_id", bad)))
				.is(422, "invalid_request_parameters")
				.namesField("external_id");
		}
	}

	@Test
	void racingCreatesWithOneExternalIdLeaveExactlyOneAndTheOthersGet400() throws Exception {
		String externalId = "race-" + unique();
		int racers = 8;
		List<String> users = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			users.add(newUser());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (String userId : users) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.api.post(MEMBERSHIPS,
							Map.of("user_id", userId, "organization_id", this.orgId, "external_id", externalId));
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}
			assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
			assertThat(responses).filteredOn((response) -> response.status() != 201)
				.allSatisfy((response) -> assertThatError(response).is(400, "external_id_already_used"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api
			.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&statuses=active,inactive,pending&limit=100")
			.json()
			.get("data")).hasSize(1);
	}

	private String newUser() {
		return this.fixtures.user().create();
	}

	private String newOrganization() {
		return this.fixtures.organization().create();
	}

}
