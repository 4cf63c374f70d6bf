package dev.claimsmith.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events feed (API.md "Events"): every write of a user, organization, membership or
 * invitation appends exactly one event whose data is the object as the API returned it; a
 * failing write appends none; {@code GET /events} pages in commit order.
 */
@ApiTest
class EventsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventsPurge purge;

	ApiClient api;

	Instant start;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.start = Instant.now().minusSeconds(2);
	}

	@Test
	void eachUserWriteAppendsOneEventWithTheUserAsTheApiReturnsIt() {
		Response created = this.api.post("/user_management/users", Map.of("email", "ev-" + unique() + "@example.com"));
		String id = created.field("id");
		Response updated = this.api.put(path("/user_management/users/", id), Map.of("first_name", "Ada"));
		Response patched = MetadataObject.USERS.mergePatch(this.api, id, Map.of("public_metadata", Map.of("a", 1)));
		Response last = this.api.get(path("/user_management/users/", id));
		assertThat(this.api.delete(path("/user_management/users/", id)).status()).isEqualTo(200);

		List<JsonNode> events = eventsOf(id);

		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("user.created", "user.updated", "user.updated", "user.deleted");
		assertThat(events.get(0).get("data")).isEqualTo(created.json());
		assertThat(events.get(1).get("data")).isEqualTo(updated.json());
		assertThat(events.get(2).get("data")).isEqualTo(patched.json());
		assertThat(events.get(3).get("data")).isEqualTo(last.json());
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.get("object").asString()).isEqualTo("event");
			assertThat(event.get("id").asString()).startsWith("event_");
			assertThat(event.get("created_at").asString())
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		});
	}

	@Test
	void eachOrganizationWriteAppendsOneEventWithTheOrganizationAsTheApiReturnsIt() {
		Response created = this.api.post("/organizations", Map.of("name", "Ev " + unique()));
		String id = created.field("id");
		Response updated = this.api.put(path("/organizations/", id), Map.of("name", "Ev renamed " + unique()));
		Response patched = MetadataObject.ORGANIZATIONS.mergePatch(this.api, id,
				Map.of("public_metadata", Map.of("b", true)));
		Response last = this.api.get(path("/organizations/", id));
		assertThat(this.api.delete(path("/organizations/", id)).status()).isEqualTo(202);

		List<JsonNode> events = eventsOf(id);

		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("organization.created", "organization.updated", "organization.updated",
					"organization.deleted");
		assertThat(events.get(0).get("data")).isEqualTo(created.json());
		assertThat(events.get(1).get("data")).isEqualTo(updated.json());
		assertThat(events.get(2).get("data")).isEqualTo(patched.json());
		assertThat(events.get(3).get("data")).isEqualTo(last.json());
	}

	@Test
	void eachMembershipWriteAppendsOneEventWithTheMembershipAsTheApiReturnsIt() {
		String userId = this.api.post("/user_management/users", Map.of("email", "evm-" + unique() + "@example.com"))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Evm " + unique())).field("id");
		Response created = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", userId, "organization_id", orgId));
		String id = created.field("id");
		String membership = "/user_management/organization_memberships/" + id;
		Response updated = this.api.put(membership, Map.of("role_slug", "admin"));
		Response deactivated = this.api.put(membership + "/deactivate", Map.of());
		Response reactivated = this.api.put(membership + "/reactivate", Map.of());
		Response last = this.api.get(membership);
		assertThat(this.api.delete(membership).status()).isBetween(200, 204);

		List<JsonNode> events = eventsOf(id);

		assertThat(events).extracting((event) -> event.get("event").asString())
			.containsExactly("organization_membership.created", "organization_membership.updated",
					"organization_membership.updated", "organization_membership.updated",
					"organization_membership.deleted");
		assertThat(events.get(0).get("data")).isEqualTo(created.json());
		assertThat(events.get(1).get("data")).isEqualTo(updated.json());
		assertThat(events.get(2).get("data")).isEqualTo(deactivated.json());
		assertThat(events.get(3).get("data")).isEqualTo(reactivated.json());
		assertThat(events.get(4).get("data")).isEqualTo(last.json());
	}

	@Test
	void eachInvitationWriteAppendsOneEventWithTheInvitationAsTheApiReturnsIt() {
		String orgId = this.api.post("/organizations", Map.of("name", "Evi " + unique())).field("id");
		String revokedId = this.api
			.post("/user_management/invitations",
					Map.of("email", "evi-" + unique() + "@example.com", "organization_id", orgId))
			.field("id");
		JsonNode afterCreate = this.api.get(path("/user_management/invitations/", revokedId)).json();
		assertThat(this.api.post("/user_management/invitations/" + revokedId + "/resend", Map.of()).status())
			.isEqualTo(200);
		JsonNode afterResend = this.api.get(path("/user_management/invitations/", revokedId)).json();
		Response revoked = this.api.post("/user_management/invitations/" + revokedId + "/revoke", Map.of());
		String acceptedId = this.api
			.post("/user_management/invitations",
					Map.of("email", "evi-" + unique() + "@example.com", "organization_id", orgId))
			.field("id");
		Response accepted = this.api.post("/user_management/invitations/" + acceptedId + "/accept", Map.of());

		List<JsonNode> revokedEvents = eventsOf(revokedId);
		List<JsonNode> acceptedEvents = eventsOf(acceptedId);

		assertThat(revokedEvents).extracting((event) -> event.get("event").asString())
			.containsExactly("invitation.created", "invitation.resent", "invitation.revoked");
		assertThat(revokedEvents.get(0).get("data")).isEqualTo(afterCreate);
		assertThat(revokedEvents.get(1).get("data")).isEqualTo(afterResend);
		assertThat(revokedEvents.get(2).get("data")).isEqualTo(revoked.json());
		assertThat(acceptedEvents).extracting((event) -> event.get("event").asString())
			.containsExactly("invitation.created", "invitation.accepted");
		assertThat(acceptedEvents.get(1).get("data")).isEqualTo(accepted.json());
		assertThat(revokedEvents).allSatisfy(
				(event) -> assertThat(event.get("data").get("token").asString()).as("never the token").isEmpty());
	}

	@Test
	void deletingAUserOrOrganizationAppendsTheDeletionOfTheMembershipsThatGoWithItFirst() {
		String userId = this.api.post("/user_management/users", Map.of("email", "evc-" + unique() + "@example.com"))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Evc " + unique())).field("id");
		String otherOrgId = this.api.post("/organizations", Map.of("name", "Evc " + unique())).field("id");
		Response userMembership = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", userId, "organization_id", otherOrgId));
		Response orgMembership = this.api.post("/user_management/organization_memberships",
				Map.of("user", Map.of("email", "evc-" + unique() + "@example.com"), "organization_id", orgId));
		JsonNode userMembershipBefore = this.api
			.get("/user_management/organization_memberships/" + userMembership.field("id"))
			.json();
		JsonNode orgMembershipBefore = this.api
			.get("/user_management/organization_memberships/" + orgMembership.field("id"))
			.json();

		assertThat(this.api.delete(path("/user_management/users/", userId)).status()).isEqualTo(200);
		assertThat(this.api.delete(path("/organizations/", orgId)).status()).isEqualTo(202);

		List<JsonNode> events = allEvents("range_start=" + encode(this.start.toString()));
		List<String> deletions = events.stream()
			.filter((event) -> event.get("event").asString().endsWith(".deleted"))
			.map((event) -> event.get("event").asString() + " " + event.get("data").get("id").asString())
			.toList();
		assertThat(deletions).containsSubsequence("organization_membership.deleted " + userMembership.field("id"),
				"user.deleted " + userId, "organization_membership.deleted " + orgMembership.field("id"),
				"organization.deleted " + orgId);
		assertThat(eventsOf(userMembership.field("id"))).last()
			.satisfies((event) -> assertThat(event.get("data")).isEqualTo(userMembershipBefore));
		assertThat(eventsOf(orgMembership.field("id"))).last()
			.satisfies((event) -> assertThat(event.get("data")).isEqualTo(orgMembershipBefore));
		assertThat(eventsOf(orgMembership.field("id"))).extracting((event) -> event.get("event").asString())
			.containsExactly("organization_membership.created", "organization_membership.deleted");
	}

	@Test
	void aFailingWriteAppendsNoEvent() {
		String email = "evf-" + unique() + "@example.com";
		String takenUser = this.api.post("/user_management/users", Map.of("email", email)).field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Evf " + unique())).field("id");
		String externalId = "evf-" + unique();
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", takenUser, "organization_id", orgId, "external_id", externalId));
		Instant afterSetUp = Instant.now().minusMillis(1);

		Response duplicate = this.api.post("/user_management/users", Map.of("email", email.toUpperCase()));
		// The user is created, then its membership fails: both roll back, with their
		// events.
		String newEmail = "evf-new-" + unique() + "@example.com";
		Response composite = this.api.post("/user_management/organization_memberships",
				Map.of("user", Map.of("email", newEmail), "organization_id", orgId, "external_id", externalId));
		Response badUpdate = this.api.put(path("/user_management/users/", takenUser),
				Map.of("metadata", Map.of("x".repeat(41), "v")));

		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(composite.status()).as(composite.text()).isEqualTo(400);
		assertThat(badUpdate.status()).isEqualTo(400);
		List<JsonNode> events = allEvents("range_start=" + encode(afterSetUp.toString()));
		assertThat(events).noneSatisfy((event) -> assertThat(event.get("data").toString()).contains(email));
		assertThat(events).noneSatisfy((event) -> assertThat(event.get("data").toString()).contains(newEmail));
		assertThat(events).noneSatisfy((event) -> assertThat(event.get("data").toString()).contains(takenUser));
	}

	@Test
	void listPagesInCommitOrderAndFilters() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.api.post("/organizations", Map.of("name", "Evp " + unique())).field("id"));
		}
		String marker = ids.get(0);
		List<String> seen = new ArrayList<>();
		String after = null;
		String firstEventId = null;
		do {
			Response page = this.api.get("/events?events=organization.created&limit=2&range_start="
					+ encode(this.start.toString()) + ((after != null) ? "&after=" + after : ""));
			assertThat(page.status()).as(page.text()).isEqualTo(200);
			assertThat(page.json().get("object").asString()).isEqualTo("list");
			assertThat(page.json().get("data").size()).isLessThanOrEqualTo(2);
			for (JsonNode event : page.json().get("data")) {
				assertThat(event.get("event").asString()).isEqualTo("organization.created");
				seen.add(event.get("data").get("id").asString());
				if (event.get("data").get("id").asString().equals(marker)) {
					firstEventId = event.get("id").asString();
				}
			}
			JsonNode next = page.json().get("list_metadata").get("after");
			after = next.isNull() ? null : next.asString();
			if (after != null) {
				assertThat(page.json().get("data").size()).isEqualTo(2);
			}
		}
		while (after != null);

		assertThat(seen.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
		Response filtered = this.api.get("/events?organization_id=" + ids.get(2));
		assertThat(filtered.json().get("data")).singleElement()
			.satisfies((event) -> assertThat(event.get("data").get("id").asString()).isEqualTo(ids.get(2)));
		Response afterFirst = this.api.get("/events?events=organization.created&limit=100&after=" + firstEventId);
		assertThat(afterFirst.json().get("data").findValuesAsString("id")).doesNotContain(marker);
	}

	@Test
	void anEventCommittedLateIsStillReadAfterEarlierCommits() throws Exception {
		String orgId = this.api.post("/organizations", Map.of("name", "Evl " + unique())).field("id");
		String lastSeen = eventsOf(orgId).get(0).get("id").asString();
		CountDownLatch published = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		String lateMarker = "late-" + unique();
		CompletableFuture<Void> late = CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
			this.publisher.publishEvent(new ChangeEvent(ChangeEvent.ORGANIZATION_UPDATED, null,
					Map.of("object", "organization", "id", lateMarker)));
			published.countDown();
			await(commit);
		}));
		assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
		// A write that starts later but commits first.
		String earlyId = this.api.post("/organizations", Map.of("name", "Evl " + unique())).field("id");
		List<String> beforeLateCommit = ids(allEvents("after=" + lastSeen));
		commit.countDown();
		late.get(10, TimeUnit.SECONDS);

		List<String> afterLateCommit = ids(allEvents("after=" + lastSeen));

		assertThat(beforeLateCommit).contains(earlyId).doesNotContain(lateMarker);
		assertThat(afterLateCommit).containsSubsequence(earlyId, lateMarker);
	}

	@Test
	void purgeDeletesEventsPastTheirRetentionOnly() {
		String kept = this.api.post("/organizations", Map.of("name", "Evr " + unique())).field("id");

		this.purge.purge(Instant.now());
		assertThat(eventsOf(kept)).as("within retention").hasSize(1);

		assertThat(this.purge.purge(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60))).isPositive();
		assertThat(eventsOf(kept)).as("past the 30 days").isEmpty();
	}

	@Test
	void badParametersAre422InTheContractsShape() {
		Response unknown = this.api.get("/events?events=user.created,user.exploded");
		Response badAfter = this.api.get("/events?after=event_01HXXXXXXXXXXXXXXXXXXXXXXX");
		Response notAnEvent = this.api.get("/events?after=org_123");
		Response badRange = this.api.get("/events?range_start=yesterday");
		Response badLimit = this.api.get("/events?limit=1000");
		Response descending = this.api.get("/events?order=desc");

		for (Response response : List.of(unknown, badAfter, notAnEvent, badRange, badLimit, descending)) {
			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.field("code")).isEqualTo("invalid_request_parameters");
		}
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
		assertThat(unknown.text()).contains("user.exploded");
		assertThat(badAfter.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
		assertThat(badRange.json().get("errors").get(0).get("field").asString()).isEqualTo("range_start");
		assertThat(this.api.withApiKey(null).get("/events").status()).isEqualTo(401);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> ids(List<JsonNode> events) {
		return events.stream().map((event) -> event.get("data").get("id").asString()).toList();
	}

	/**
	 * The events since this test began whose object (or its embedded user) is {@code id}.
	 */
	private List<JsonNode> eventsOf(String id) {
		return allEvents("range_start=" + encode(this.start.toString())).stream()
			.filter((event) -> id.equals(event.get("data").get("id").asString()))
			.toList();
	}

	private List<JsonNode> allEvents(String query) {
		List<JsonNode> events = new ArrayList<>();
		String after = null;
		do {
			Response page = this.api.get("/events?limit=100&" + query + ((after != null) ? "&after=" + after : ""));
			assertThat(page.status()).as(page.text()).isEqualTo(200);
			page.json().get("data").forEach(events::add);
			JsonNode next = page.json().get("list_metadata").get("after");
			after = next.isNull() ? null : next.asString();
		}
		while (after != null);
		return events;
	}

	private static String path(String prefix, String id) {
		return prefix + id;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
