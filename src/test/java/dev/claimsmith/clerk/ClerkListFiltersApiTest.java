package dev.claimsmith.clerk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Clerk wire's list filters and orders over real HTTP, as the SDK sends them (one
 * parameter per array value): each filter narrows the list and {@code total_count} counts
 * what it kept; {@code order_by} takes every field Clerk's reference lists, ties falling
 * by id so that offset pages are deterministic; bad values are 422s in Clerk's envelope.
 * The database is shared, so every list here is confined to the test's own objects.
 */
@ApiTest
class ClerkListFiltersApiTest {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void membershipsFilterByRoleUserIdsEmailAndQueryAndCountWhatTheyKeep() {
		String tag = unique();
		String org = organization("Filtered " + tag);
		String ann = user("Ann", "Lindqvist" + tag, "ann-" + tag);
		String bob = user("Bob", "Okafor", "bob-" + tag);
		String cid = user("Cid", "Okafor", "cid-" + tag);
		String dee = user("Dee", "Marsh", "dee-" + tag);
		member(org, ann, "org:admin");
		member(org, bob, "org:member");
		member(org, cid, "org:member");
		member(org, dee, "org:admin");
		String path = "/clerk/v1/organizations/" + org + "/memberships";

		assertMembers(path + "?role=org:admin", ann, dee);
		assertMembers(path + "?role=org:admin&role=org:member", ann, bob, cid, dee);
		assertMembers(path + "?role=org:wizard");
		assertMembers(path + "?user_id=" + ann + "&user_id=" + bob, ann, bob);
		assertMembers(path + "?user_id=-" + ann, bob, cid, dee);
		assertMembers(path + "?user_id=%2B" + ann + "&user_id=" + bob + "&user_id=-" + bob, ann);
		assertMembers(path + "?user_id=+" + cid, cid);
		assertMembers(path + "?user_id=user_01HXXXXXXXXXXXXXXXXXXXXXXX");
		assertMembers(path + "?email_address=CID-" + tag + "@EXAMPLE.COM&email_address=dee-" + tag + "@example.com",
				cid, dee);
		assertMembers(path + "?query=okaf", bob, cid);
		assertMembers(path + "?query=LINDQVIST" + tag, ann);
		assertMembers(path + "?query=dee-" + tag, dee);
		assertMembers(path + "?query=" + cid, cid);
		assertMembers(path + "?query=okafor&role=org:member&user_id=-" + bob, cid);

		Response page = this.api.get(path + "?role=org:member&limit=1&order_by=first_name");
		assertThat(ids(page)).containsExactly(bob);
		assertThat(page.json().get("total_count").asLong()).as("the filtered set, not the page").isEqualTo(2);
		Response of = this.api.get("/clerk/v1/users/" + ann + "/organization_memberships");
		assertThat(of.json().get("total_count").asLong()).isEqualTo(1);
	}

	@Test
	void membershipFiltersRefuseMoreThanAHundredValuesAndMalformedOnes() {
		String org = organization("Refusing " + unique());
		String path = "/clerk/v1/organizations/" + org + "/memberships";
		String hundredOne = IntStream.range(0, 101)
			.mapToObj((i) -> "user_id=user_" + i)
			.collect(Collectors.joining("&"));
		String hundred = IntStream.range(0, 100).mapToObj((i) -> "user_id=user_" + i).collect(Collectors.joining("&"));
		assertThat(this.api.get(path + "?" + hundred).status()).isEqualTo(200);
		assertClerkError(this.api.get(path + "?" + hundredOne), "user_id");
		assertClerkError(this.api.get(path + "?user_id=" + "u".repeat(65)), "user_id");
		assertClerkError(this.api.get(path + "?user_id=-"), "user_id");
		assertClerkError(this.api.get(path + "?email_address=" + "e".repeat(321)), "email_address");
		assertClerkError(this.api.get(path + "?"
				+ IntStream.range(0, 101)
					.mapToObj((i) -> "email_address=e" + i + "@example.com")
					.collect(Collectors.joining("&"))),
				"email_address");
		assertClerkError(this.api.get(path + "?role=admin"), "role");
		assertClerkError(this.api.get(path + "?order_by=role"), "order_by");
	}

	@Test
	void membershipsOrderByTheMembersFieldsWithNamelessMembersLastAndTiesById() {
		String tag = unique();
		String org = organization("Ordered " + tag);
		String bob = user("Bob", "Young", "c-bob-" + tag);
		String ann = user("Ann", "Zeller", "b-ann-" + tag);
		String nameless = user(null, null, "a-nameless-" + tag);
		String cid = user("Cid", "Xu", "d-cid-" + tag);
		List<String> created = List.of(bob, ann, nameless, cid);
		created.forEach((user) -> member(org, user, "org:member"));
		String path = "/clerk/v1/organizations/" + org + "/memberships?order_by=";

		assertThat(ids(this.api.get(path + "first_name"))).containsExactly(ann, bob, cid, nameless);
		assertThat(ids(this.api.get(path + "-first_name"))).containsExactly(cid, bob, ann, nameless);
		assertThat(ids(this.api.get(path + "%2Blast_name"))).containsExactly(cid, bob, ann, nameless);
		assertThat(ids(this.api.get(path + "-last_name"))).containsExactly(ann, bob, cid, nameless);
		assertThat(ids(this.api.get(path + "email_address"))).containsExactly(nameless, ann, bob, cid);
		assertThat(ids(this.api.get(path + "-email_address"))).containsExactly(cid, bob, ann, nameless);
		assertThat(ids(this.api.get(path + "created_at"))).containsExactlyElementsOf(created);
		assertThat(ids(this.api.get(path + "+created_at"))).as("an unencoded + arrives as a space")
			.containsExactlyElementsOf(created);
		assertThat(ids(this.api.get(path + "-created_at"))).containsExactlyElementsOf(reversed(created));
		assertThat(ids(this.api.get(path + "-created_at&order_by=first_name"))).as("only the first order_by counts")
			.containsExactlyElementsOf(reversed(created));
		// Nobody has a username or phone number here: all ties, which fall by id.
		assertThat(ids(this.api.get(path + "username"))).containsExactlyElementsOf(created);
		assertThat(ids(this.api.get(path + "-phone_number"))).containsExactlyElementsOf(reversed(created));

		List<String> paged = new ArrayList<>();
		for (int offset = 0; offset < 4; offset++) {
			paged.addAll(ids(this.api.get(path + "-username&limit=1&offset=" + offset)));
		}
		assertThat(paged).as("offset pages neither repeat nor skip").containsExactlyElementsOf(reversed(created));
	}

	@Test
	void organizationsFilterByIdsWithQueryAndOrderByNameAndMembersCount() {
		String tag = unique();
		String beta = organization("Beta " + tag);
		String alpha = organization("Alpha " + tag);
		String gamma = organization("Gamma " + tag);
		String other = organization("Other " + unique());
		member(beta, user("Bea", "One", "bea-" + tag), "org:member");
		member(beta, user("Ben", "Two", "ben-" + tag), "org:admin");
		member(gamma, user("Gus", "Three", "gus-" + tag), "org:member");
		String ours = "organization_id=" + beta + "&organization_id=" + alpha + "&organization_id=" + gamma;

		Response listed = this.api.get("/clerk/v1/organizations?" + ours);
		assertThat(ids(listed)).as("newest first by default").containsExactly(gamma, alpha, beta);
		assertThat(listed.json().get("total_count").asLong()).isEqualTo(3);
		assertThat(ids(this.api.get("/clerk/v1/organizations?" + ours + "&organization_id=-" + alpha)))
			.containsExactly(gamma, beta);
		assertThat(ids(this.api.get("/clerk/v1/organizations?organization_id=" + other))).containsExactly(other);
		assertThat(ids(this.api.get("/clerk/v1/organizations?" + ours + "&query=GAMMA"))).containsExactly(gamma);
		assertThat(ids(this.api.get("/clerk/v1/organizations?organization_id=" + other + "&query=" + tag))).isEmpty();
		assertThat(ids(this.api.get("/clerk/v1/organizations?" + ours + "&order_by=name"))).containsExactly(alpha, beta,
				gamma);
		assertThat(ids(this.api.get("/clerk/v1/organizations?" + ours + "&order_by=-name"))).containsExactly(gamma,
				beta, alpha);
		Response byCount = this.api
			.get("/clerk/v1/organizations?" + ours + "&order_by=-members_count&include_members_count=true");
		assertThat(ids(byCount)).containsExactly(beta, gamma, alpha);
		assertThat(byCount.json().get("data").valueStream().map((org) -> org.get("members_count").asLong()))
			.containsExactly(2L, 1L, 0L);
		assertThat(ids(this.api.get("/clerk/v1/organizations?" + ours + "&order_by=members_count")))
			.containsExactly(alpha, gamma, beta);
		Response paged = this.api.get("/clerk/v1/organizations?" + ours + "&order_by=name&limit=1&offset=1");
		assertThat(ids(paged)).containsExactly(beta);
		assertThat(paged.json().get("total_count").asLong()).isEqualTo(3);

		String hundredOne = IntStream.range(0, 101)
			.mapToObj((i) -> "organization_id=org_" + i)
			.collect(Collectors.joining("&"));
		assertClerkError(this.api.get("/clerk/v1/organizations?" + hundredOne), "organization_id");
		assertClerkError(this.api.get("/clerk/v1/organizations?order_by=slug"), "order_by");
	}

	@Test
	void usersOrderByEveryClerkFieldAndFilterByIdsToKeepOrLeaveOut() {
		String tag = unique();
		String cid = user("Cid", "Able", "a-cid-" + tag);
		String ann = user("Ann", "Cole", "c-ann-" + tag);
		String bob = user("Bob", "Birch", "b-bob-" + tag);
		List<String> created = List.of(cid, ann, bob);
		String ours = "user_id=" + cid + "&user_id=" + ann + "&user_id=" + bob;
		String path = "/clerk/v1/users?" + ours + "&order_by=";

		assertThat(userIds(this.api.get(path + "first_name"))).containsExactly(ann, bob, cid);
		assertThat(userIds(this.api.get(path + "-last_name"))).containsExactly(ann, bob, cid);
		assertThat(userIds(this.api.get(path + "email_address"))).containsExactly(cid, bob, ann);
		assertThat(userIds(this.api.get(path + "created_at"))).containsExactlyElementsOf(created);
		assertThat(userIds(this.api.get(path + "-updated_at"))).containsExactlyElementsOf(reversed(created));
		for (String tie : List.of("username", "phone_number", "web3wallet", "last_active_at", "last_sign_in_at")) {
			assertThat(userIds(this.api.get(path + "-" + tie))).as(tie).containsExactlyElementsOf(reversed(created));
		}
		assertThat(userIds(this.api.get("/clerk/v1/users?" + ours + "&user_id=-" + ann))).containsExactly(bob, cid);
		Response count = this.api.get("/clerk/v1/users/count?" + ours + "&user_id=-" + ann);
		assertThat(count.json().get("total_count").asLong()).isEqualTo(2);
		assertClerkError(this.api.get(path + "role"), "order_by");
		assertClerkError(this.api.get("/clerk/v1/users?user_id=" + "u".repeat(65)), "user_id");
	}

	@Test
	void filtersOnPhoneNumbersUsernamesAndWalletsMatchNoOneSinceNoneAreKept() {
		String tag = unique();
		String org = organization("Unkept " + tag);
		String ann = user("Ann", "Unkept", "unkept-" + tag);
		member(org, ann, "org:admin");
		String ours = "user_id=" + ann;
		assertThat(userIds(this.api.get("/clerk/v1/users?" + ours))).containsExactly(ann);

		for (String filter : List.of("phone_number=%2B15551234567", "username=ann", "web3_wallet=0xabc")) {
			assertThat(userIds(this.api.get("/clerk/v1/users?" + ours + "&" + filter))).as(filter).isEmpty();
			assertThat(this.api.get("/clerk/v1/users/count?" + ours + "&" + filter).json().get("total_count").asLong())
				.as(filter)
				.isZero();
			assertMembers("/clerk/v1/organizations/" + org + "/memberships?" + filter);
		}
		assertClerkError(this.api.get("/clerk/v1/users?" + "username=u&".repeat(101)), "username");
	}

	private String organization(String name) {
		Response created = this.api.post("/clerk/v1/organizations", Map.of("name", name));
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		return created.field("id");
	}

	private String user(String firstName, String lastName, String emailLocalPart) {
		Map<String, Object> body = new HashMap<>();
		body.put("email_address", List.of(emailLocalPart + "@example.com"));
		if (firstName != null) {
			body.put("first_name", firstName);
			body.put("last_name", lastName);
		}
		Response created = this.api.post("/clerk/v1/users", body);
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		return created.field("id");
	}

	private void member(String organization, String user, String role) {
		Response created = this.api.post("/clerk/v1/organizations/" + organization + "/memberships",
				Map.of("user_id", user, "role", role));
		assertThat(created.status()).as(created.text()).isEqualTo(200);
	}

	/** The listed members are exactly these, and {@code total_count} counts them. */
	private void assertMembers(String path, String... userIds) {
		Response listed = this.api.get(path + "&order_by=created_at");
		assertThat(listed.status()).as(path + ": " + listed.text()).isEqualTo(200);
		assertThat(
				listed.json().get("data").valueStream().map((m) -> m.get("public_user_data").get("user_id").asString()))
			.as(path)
			.containsExactly(userIds);
		assertThat(listed.json().get("total_count").asLong()).as(path).isEqualTo(userIds.length);
	}

	/** The user ids of a membership list, or the ids of an organization list. */
	private static List<String> ids(Response listed) {
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		return listed.json()
			.get("data")
			.valueStream()
			.map((item) -> item.has("public_user_data") ? item.get("public_user_data").get("user_id").asString()
					: item.get("id").asString())
			.toList();
	}

	private static List<String> userIds(Response listed) {
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		return listed.json().valueStream().map((user) -> user.get("id").asString()).toList();
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

	private static void assertClerkError(Response response, String param) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("code").asString()).isEqualTo("form_param_format_invalid");
		assertThat(error.get("meta").get("param_name").asString()).isEqualTo(param);
		assertThat(error.get("long_message").asString()).isNotBlank();
		assertThat(response.json().get("clerk_trace_id").asString()).isNotBlank();
	}

}
