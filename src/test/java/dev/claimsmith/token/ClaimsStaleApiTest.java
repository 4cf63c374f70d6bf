package dev.claimsmith.token;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
 * {@code claims_stale} in introspection answers (API.md "Stale-token detection"): it
 * flips after each kind of change a template can read, of the user, the organization and
 * the membership a token was minted from, and not after changes no template can read or
 * writes that leave the readable data as it was.
 */
@ApiTest
class ClaimsStaleApiTest {

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void introspectWhenNothingChangedSinceTheMintThenNotStale() {
		Subject subject = subject();

		// Minted right after the subject's last writes, within the same second as iat.
		JsonNode answer = introspect(subject.mint());

		assertThat(answer.get("active").asBoolean()).isTrue();
		assertThat(answer.get("claims_stale").isBoolean()).isTrue();
		assertThat(answer.get("claims_stale").asBoolean()).isFalse();
	}

	@Test
	void introspectWhenAUserFieldTemplatesReadChangedThenStale() {
		assertStaleAfter("first_name", (s) -> ok(this.api.put(s.userPath(), Map.of("first_name", "Ada"))));
		assertStaleAfter("last_name", (s) -> ok(this.api.put(s.userPath(), Map.of("last_name", "Lovelace"))));
		assertStaleAfter("email",
				(s) -> ok(this.api.put(s.userPath(), Map.of("email", "renamed-" + unique() + "@example.com"))));
		assertStaleAfter("email_verified", (s) -> ok(this.api.put(s.userPath(), Map.of("email_verified", true))));
		assertStaleAfter("external_id",
				(s) -> ok(this.api.put(s.userPath(), Map.of("external_id", "ext-" + unique()))));
		assertStaleAfter("metadata", (s) -> ok(this.api.put(s.userPath(), Map.of("metadata", Map.of("plan", "pro")))));
		assertStaleAfter("public_metadata",
				(s) -> ok(this.api.put(s.userPath(), Map.of("public_metadata", Map.of("seats", 5)))));
		assertStaleAfter("unsafe_metadata",
				(s) -> ok(this.api.put(s.userPath(), Map.of("unsafe_metadata", Map.of("theme", "dark")))));
		assertStaleAfter("deep merge patch",
				(s) -> ok(this.api.send(this.api.request(s.userPath() + "/metadata")
					.header("Content-Type", "application/merge-patch+json")
					.method("PATCH",
							HttpRequest.BodyPublishers.ofString(
									ApiClient.json(Map.of("public_metadata", Map.of("plan", Map.of("seats", 9))))))
					.build())));
	}

	@Test
	void introspectWhenAnOrganizationFieldTemplatesReadChangedThenStale() {
		assertStaleAfter("name", (s) -> ok(this.api.put(s.orgPath(), Map.of("name", "Renamed " + unique()))));
		assertStaleAfter("external_id", (s) -> ok(this.api.put(s.orgPath(), Map.of("external_id", "ext-" + unique()))));
		assertStaleAfter("metadata", (s) -> ok(this.api.put(s.orgPath(), Map.of("metadata", Map.of("tier", "gold")))));
		assertStaleAfter("public_metadata",
				(s) -> ok(this.api.put(s.orgPath(), Map.of("public_metadata", Map.of("beta", true)))));
		assertStaleAfter("domains", (s) -> ok(this.api.put(s.orgPath(),
				Map.of("domain_data", List.of(Map.of("domain", unique() + ".example.com", "state", "verified"))))));
	}

	@Test
	void introspectWhenAMembershipFieldTemplatesReadChangedThenStale() {
		assertStaleAfter("role", (s) -> ok(this.api.put(s.membershipPath(), Map.of("role_slug", "admin"))));
		assertStaleAfter("external_id",
				(s) -> ok(this.api.put(s.membershipPath(), Map.of("external_id", "ext-" + unique()))));
		assertStaleAfter("metadata",
				(s) -> ok(this.api.put(s.membershipPath(), Map.of("metadata", Map.of("desk", "4B")))));
		assertStaleAfter("public_metadata",
				(s) -> ok(this.api.put(s.membershipPath(), Map.of("public_metadata", Map.of("title", "Lead")))));
		assertStaleAfter("custom_attributes",
				(s) -> ok(this.api.put(s.membershipPath(), Map.of("custom_attributes", Map.of("team", "core")))));
		assertStaleAfter("status", (s) -> ok(this.api.put(s.membershipPath() + "/deactivate", Map.of())));
	}

	@Test
	void introspectWhenTheSubjectIsGoneThenStale() {
		assertStaleAfter("user deleted", (s) -> ok(this.api.delete(s.userPath())));
		assertStaleAfter("organization deleted", (s) -> ok(this.api.delete(s.orgPath())));
		assertStaleAfter("membership deleted", (s) -> ok(this.api.delete(s.membershipPath())));
	}

	@Test
	void introspectOfATokenWithoutOrganizationWhenTheUserChangedThenStale() {
		Subject subject = subject();
		String token = subject.mintWithoutOrganization();
		assertThat(introspect(token).get("claims_stale").asBoolean()).isFalse();

		ok(this.api.put(subject.orgPath(), Map.of("name", "Not in this token " + unique())));
		assertThat(introspect(token).get("claims_stale").asBoolean()).as("organization not in the token").isFalse();

		ok(this.api.put(subject.userPath(), Map.of("first_name", "Changed")));
		assertThat(introspect(token).get("claims_stale").asBoolean()).isTrue();
	}

	@Test
	void introspectWhenOnlyWhatNoTemplateReadsChangedThenNotStale() {
		Subject subject = subject();
		String token = subject.mint();

		Response signedIn = this.api.post("/user_management/authenticate",
				Map.of("grant_type", "password", "client_id", "client_claimsmith", "client_secret", ApiClient.API_KEY,
						"email", subject.email(), "password", PASSWORD, "organization_id", subject.orgId()));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertThat(this.api.get(subject.userPath()).json().get("last_sign_in_at").isNull()).isFalse();
		ok(this.api.put(subject.userPath(), Map.of("password", "another correct horse battery")));
		// Writes that leave every readable value as it was.
		ok(this.api.put(subject.userPath(), Map.of("first_name", "Grace")));
		ok(this.api.put(subject.orgPath(), Map.of("metadata", Map.of())));
		ok(this.api.put(subject.membershipPath(), Map.of("role_slug", "member")));

		JsonNode answer = introspect(token);
		assertThat(answer.get("active").asBoolean()).isTrue();
		assertThat(answer.get("claims_stale").asBoolean()).as("after last_sign_in_at, password, no-op writes")
			.isFalse();
	}

	@Test
	void introspectOfAFreshTokenAfterAChangeThenNotStale() {
		Subject subject = subject();
		String before = subject.mint();
		ok(this.api.put(subject.userPath(), Map.of("public_metadata", Map.of("seats", 7))));
		String after = subject.mint();

		assertThat(introspect(before).get("claims_stale").asBoolean()).isTrue();
		assertThat(introspect(after).get("claims_stale").asBoolean()).isFalse();
	}

	@Test
	void introspectOfAClerkTemplatesSessionTokenFollowsItsSessionsOrganization() {
		Subject subject = subject();
		String template = "stale-" + unique().toLowerCase();
		ok(this.api.post("/clerk/v1/jwt_templates",
				Map.of("name", template, "claims", Map.of("who", "{{user.first_name}}", "org", "{{org.name}}"))));
		Response signedIn = this.api.withApiKey(null)
			.post("/user_management/authenticate",
					Map.of("grant_type", "password", "client_id", "client_claimsmith", "client_secret",
							ApiClient.API_KEY, "email", subject.email(), "password", PASSWORD, "organization_id",
							subject.orgId()));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		String sid = introspect(signedIn.field("access_token")).get("sid").asString();
		Response minted = this.api.post("/clerk/v1/sessions/" + sid + "/tokens/" + template, Map.of());
		assertThat(minted.status()).as(minted.text()).isEqualTo(200);
		String token = minted.field("jwt");

		JsonNode fresh = introspect(token);
		assertThat(fresh.has("org_id")).as("a Clerk template's token: no org_id of its own").isFalse();
		assertThat(fresh.get("claims_stale").asBoolean()).isFalse();

		ok(this.api.put(subject.orgPath(), Map.of("name", "Renamed " + unique())));
		assertThat(introspect(token).get("claims_stale").asBoolean()).as("its session's organization renamed").isTrue();
		String again = this.api.post("/clerk/v1/sessions/" + sid + "/tokens/" + template, Map.of()).field("jwt");
		assertThat(introspect(again).get("claims_stale").asBoolean()).isFalse();
		ok(this.api.put(subject.userPath(), Map.of("first_name", "Changed")));
		assertThat(introspect(again).get("claims_stale").asBoolean()).as("its user renamed").isTrue();
	}

	@Test
	void introspectOfAnInactiveTokenThenNoClaimsStale() {
		JsonNode answer = introspect("not.a.token");

		assertThat(answer.get("active").asBoolean()).isFalse();
		assertThat(answer.has("claims_stale")).isFalse();
	}

	private void assertStaleAfter(String change, Consumer<Subject> write) {
		Subject subject = subject();
		String token = subject.mint();
		assertThat(introspect(token).get("claims_stale").asBoolean()).as("before " + change).isFalse();

		write.accept(subject);

		JsonNode answer = introspect(token);
		assertThat(answer.get("active").asBoolean()).as("after " + change).isTrue();
		assertThat(answer.get("claims_stale").asBoolean()).as("after " + change).isTrue();
	}

	private Subject subject() {
		String email = "stale-" + unique() + "@example.com";
		Response user = this.api.post("/user_management/users",
				Map.of("email", email, "password", PASSWORD, "first_name", "Grace", "metadata", Map.of("a", "1")));
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		Response org = this.api.post("/organizations", Map.of("name", "Stale " + unique(), "metadata", Map.of()));
		assertThat(org.status()).as(org.text()).isEqualTo(201);
		Response membership = this.api.post("/user_management/organization_memberships",
				Map.of("user_id", user.field("id"), "organization_id", org.field("id")));
		assertThat(membership.status()).as(membership.text()).isEqualTo(201);
		return new Subject(email, user.field("id"), org.field("id"), membership.field("id"));
	}

	private JsonNode introspect(String token) {
		Response answer = this.api.post("/oauth2/introspect", Map.of("token", token));
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 299);
	}

	private ApiClient api() {
		return this.api;
	}

	private final class Subject {

		private final String email;

		private final String userId;

		private final String orgId;

		private final String membershipId;

		Subject(String email, String userId, String orgId, String membershipId) {
			this.email = email;
			this.userId = userId;
			this.orgId = orgId;
			this.membershipId = membershipId;
		}

		String email() {
			return this.email;
		}

		String orgId() {
			return this.orgId;
		}

		String userPath() {
			return "/user_management/users/" + this.userId;
		}

		String orgPath() {
			return "/organizations/" + this.orgId;
		}

		String membershipPath() {
			return "/user_management/organization_memberships/" + this.membershipId;
		}

		String mint() {
			return mint(Map.of("user_id", this.userId, "organization_id", this.orgId));
		}

		String mintWithoutOrganization() {
			return mint(Map.of("user_id", this.userId));
		}

		private String mint(Map<String, Object> body) {
			Response minted = api().post("/access_tokens", new HashMap<>(body));
			assertThat(minted.status()).as(minted.text()).isEqualTo(200);
			return minted.field("access_token");
		}

	}

}
