package dev.claimsmith.auth0;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.HttpsApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v2/users?q=…} as Auth0's user search v3 answers it, for the subset
 * Claimsmith supports: trailing-wildcard prefixes on email (case-insensitive) and
 * {@code app_metadata} strings (case-sensitive), metadata values stored as JSON numbers,
 * booleans and arrays; anything else a 400 in Auth0's envelope, never a silently wrong
 * answer.
 */
@HttpsApiTest
class Auth0UserSearchApiTest {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.https(this.port);
	}

	@Test
	void emailWithTrailingWildcardFindsEmailsStartingWithItWhateverTheirCase() {
		String tag = "p" + unique();
		String lower = createUser(tag + "-ada@example.com", Map.of());
		String upper = createUser(tag.toUpperCase() + "-grace@example.com", Map.of());
		createUser("x" + tag + "-ada@example.com", Map.of());

		assertThat(search("email:" + tag + "*")).containsExactlyInAnyOrder(lower, upper);
		assertThat(search("email:" + tag.toUpperCase() + "-A*")).containsExactly(lower);
		assertThat(search("email:" + tag + "-ada@example.co*")).containsExactly(lower);
		assertThat(search("email:" + tag + "-ada@example.com")).as("a bare word without * is exact")
			.containsExactly(lower);
		assertThat(search("email:\"" + tag + "*\"")).as("a * in quotes is no wildcard").isEmpty();
	}

	@Test
	void prefixHasLikesSpecialCharactersTakenLiterally() {
		String tag = unique();
		String underscore = createUser("u_" + tag + "@example.com", Map.of());
		createUser("uX" + tag + "@example.com", Map.of());
		String percent = createUser("p%" + tag + "@example.com", Map.of());
		createUser("pXY" + tag + "@example.com", Map.of());
		String bang = createUser("b!" + tag + "@example.com", Map.of());

		assertThat(search("email:u_" + tag + "*")).containsExactly(underscore);
		assertThat(search("email:p%" + tag + "*")).containsExactly(percent);
		assertThat(search("email:b!" + tag + "*")).containsExactly(bang);
		assertThat(search("app_metadata.k:\\%" + tag + "*")).isEmpty();
	}

	@Test
	void appMetadataWithTrailingWildcardFindsStringsStartingWithItCaseSensitively() {
		String tag = "t" + unique();
		String gold = createUser("a0-s-" + unique() + "@example.com", Map.of("team", tag, "tier", "gold-2026"));
		String golden = createUser("a0-s-" + unique() + "@example.com", Map.of("team", tag, "tier", "golden"));
		createUser("a0-s-" + unique() + "@example.com", Map.of("team", tag, "tier", "Gold"));
		createUser("a0-s-" + unique() + "@example.com", Map.of("team", tag, "tier", 7));

		assertThat(search("app_metadata.team:\"" + tag + "\" AND app_metadata.tier:gold*"))
			.containsExactlyInAnyOrder(gold, golden);
		assertThat(search("app_metadata.team:" + tag.substring(0, tag.length() - 1) + "* AND app_metadata.tier:gold-*"))
			.containsExactly(gold);
	}

	@Test
	void appMetadataMatchesNumbersBooleansAndArrayElementsStoredAsJson() {
		String tag = "t" + unique();
		String one = createUser("a0-n-" + unique() + "@example.com",
				Map.of("team", tag, "n", 1, "beta", true, "score", 2.5, "roles", List.of("admin", "ops", 3)));
		String two = createUser("a0-n-" + unique() + "@example.com",
				Map.of("team", tag, "n", 2, "beta", false, "roles", List.of("ops")));
		String text = createUser("a0-n-" + unique() + "@example.com", Map.of("team", tag, "n", "1"));
		String team = "app_metadata.team:\"" + tag + "\" AND ";

		assertThat(search(team + "app_metadata.n:1")).containsExactlyInAnyOrder(one, text);
		assertThat(search(team + "app_metadata.n:\"1\"")).containsExactlyInAnyOrder(one, text);
		assertThat(search(team + "app_metadata.n:1.0")).as("the same number").containsExactly(one);
		assertThat(search(team + "app_metadata.n:2")).containsExactly(two);
		assertThat(search(team + "app_metadata.n:3")).isEmpty();
		assertThat(search(team + "app_metadata.beta:true")).containsExactly(one);
		assertThat(search(team + "app_metadata.beta:false")).containsExactly(two);
		assertThat(search(team + "app_metadata.score:2.5")).containsExactly(one);
		assertThat(search(team + "app_metadata.roles:\"ops\"")).containsExactlyInAnyOrder(one, two);
		assertThat(search(team + "app_metadata.roles:admin AND app_metadata.roles:ops")).containsExactly(one);
		assertThat(search(team + "app_metadata.roles:3")).containsExactly(one);
		assertThat(search(team + "app_metadata.roles:ad*")).containsExactly(one);
		assertThat(search("app_metadata.team:\"" + tag + "\" AND app_metadata.team:\"other\"")).isEmpty();

		Response totals = this.api.get("/api/v2/users?include_totals=true&q=" + encode(team + "app_metadata.n:1"));
		assertThat(totals.json().get("total").asInt()).isEqualTo(2);
	}

	@Test
	void queriesOutsideTheSubsetAreRefusedWith400NeverAnsweredWrongly() {
		for (String q : List.of("email:*lace@example.com", "email:*", "email:a*a@example.com", "email:ad?@example.com",
				"email:ada~", "email:ada^2", "email:ada* OR email:bob*", "NOT email:ada*", "email:ada AND",
				"app_metadata.n:[1 TO 5]", "app_metadata.n:{1 TO 5}", "app_metadata.n:>1", "app_metadata.n:-1",
				"app_metadata.tier:/go.*/", "app_metadata.a.b:\"x\"", "user_metadata.theme:dark*", "name:ada*", "ada*",
				"email:(ada OR bob)")) {
			Response refused = this.api.get("/api/v2/users?q=" + encode(q));
			Auth0WireErrorsApiTest.assertAuth0Error(refused, 400, "invalid_query_string");
		}
		assertThat(search("app_metadata.n:\\-1")).as("an escaped - is a value").isEmpty();
	}

	private List<String> search(String q) {
		Response found = this.api.get("/api/v2/users?per_page=100&q=" + encode(q));
		assertThat(found.status()).as(q + " → " + found.text()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		found.json().forEach((user) -> ids.add(user.get("user_id").asString()));
		return ids;
	}

	private String createUser(String email, Map<String, Object> appMetadata) {
		Response created = this.api.post("/api/v2/users",
				Map.of("email", email, "connection", "Username-Password-Authentication", "app_metadata", appMetadata));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode user = created.json();
		return user.get("user_id").asString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
