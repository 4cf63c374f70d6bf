package dev.claimsmith.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.user.UserId;
import dev.claimsmith.web.ApiException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mint path's one hand-mapped query reads the user, organization and membership
 * tables directly. These tests pin what it reads to what those modules store and serve:
 * the claims context built from it must equal the one built from the API's own responses,
 * field for field, after every kind of change.
 */
@ApiTest
class MintSubjectsApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MintSubjects subjects;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiClient api;

	String userId;

	String orgId;

	String membershipId;

	@BeforeEach
	void setUp() {
		this.userId = this.api.post("/user_management/users",
				Map.of("email", "Subject-" + unique() + "@Example.com", "first_name", "Grace", "last_name", "Hopper",
						"email_verified", true, "external_id", "emp-" + unique(), "metadata",
						orderedMap("zeta", "1", "alpha", "2", "mid", "three")))
			.field("id");
		this.orgId = this.api.post("/organizations",
				Map.of("name", "Navy Labs", "external_id", "cust-" + unique(), "metadata",
						orderedMap("tier", "gold", "seats", "40"), "domain_data",
						List.of(domain("zulu-" + unique() + ".test"), domain("alpha-" + unique() + ".test"),
								domain("mike-" + unique() + ".test"))))
			.field("id");
		this.membershipId = this.api
			.post("/user_management/organization_memberships",
					Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slug", "admin"))
			.field("id");
	}

	@Test
	void loadThenContextEqualsTheStoredUserOrganizationAndMembership() {
		assertThat(contextFromQuery()).isEqualTo(contextFromApi());
		assertThat(organizationDomains()).hasSize(3);
	}

	@Test
	void loadAfterEveryKindOfChangeThenSeesCurrentData() {
		this.api.put("/user_management/users/" + this.userId, Map.of("first_name", "Amazing", "last_name", "Grace",
				"email_verified", false, "external_id", "emp-" + unique(), "metadata", mapWithNull("alpha", "new")));
		this.api.put("/organizations/" + this.orgId, Map.of("name", "Renamed", "metadata", Map.of("tier", "silver"),
				"domain_data", List.of(domain("only-" + unique() + ".test"))));
		this.api.put("/user_management/organization_memberships/" + this.membershipId,
				Map.of("role_slug", "member", "custom_attributes", Map.of("cost_center", 4711), "public_metadata",
						Map.of("title", Map.of("en", "Lead"))));
		this.api.put("/user_management/users/" + this.userId,
				Map.of("public_metadata", Map.of("plan", List.of("a", 2)), "unsafe_metadata", Map.of("theme", true)));
		this.api.put("/organizations/" + this.orgId, Map.of("public_metadata", Map.of("beta", true, "seats", 40)));

		Map<String, Object> context = contextFromQuery();

		assertThat(context).isEqualTo(contextFromApi());
		assertThat(JSON.valueToTree(context).at("/organization_membership/permissions")).isEmpty();
		assertThat(JSON.valueToTree(context).at("/user/metadata/alpha").asString()).isEqualTo("new");
		assertThat(JSON.valueToTree(context).at("/organization_membership/custom_attributes/cost_center").asInt())
			.isEqualTo(4711);
	}

	@Test
	void loadWhenEveryMetadataClassIsStoredThenEachIsReadTyped() {
		// Planted with SQL, so the query is checked against the stored text itself;
		// MetadataClassClaimsApiTest writes the classes through the API.
		this.jdbc.update("UPDATE app_user SET public_metadata = ?, unsafe_metadata = ? WHERE id = ?",
				"{\"plan\":{\"seats\":3}}", "{\"theme\":\"dark\"}", this.userId);
		this.jdbc.update("UPDATE organization SET public_metadata = ? WHERE id = ?", "{\"beta\":true}", this.orgId);
		this.jdbc.update(
				"UPDATE organization_membership SET external_id = ?, metadata = ?, public_metadata = ?,"
						+ " custom_attributes = ? WHERE id = ?",
				"emp-in-org", "{\"desk\":\"4B\"}", "{\"title\":\"Lead\"}", "{\"department\":[\"R&D\"]}",
				this.membershipId);

		JsonNode context = JSON.valueToTree(contextFromQuery());

		assertThat(context.at("/user/public_metadata/plan/seats").asInt()).isEqualTo(3);
		assertThat(context.at("/user/unsafe_metadata/theme").asString()).isEqualTo("dark");
		assertThat(context.at("/organization/public_metadata/beta").asBoolean()).isTrue();
		assertThat(context.at("/organization_membership/external_id").asString()).isEqualTo("emp-in-org");
		assertThat(context.at("/organization_membership/metadata/desk").asString()).isEqualTo("4B");
		assertThat(context.at("/organization_membership/public_metadata/title").asString()).isEqualTo("Lead");
		assertThat(context.at("/organization_membership/custom_attributes/department/0").asString()).isEqualTo("R&D");
	}

	@Test
	void loadWhenOrganizationHasNoDomainsThenEmptyDomainsAndOneSubject() {
		String bare = this.api.post("/organizations", Map.of("name", "Bare")).field("id");
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", bare));

		MintSubject subject = load(this.userId, bare);

		assertThat(section(subject, "organization").get("domains")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
		assertThat(subject.role()).isEqualTo("member");
		assertThat(section(subject, "organization").get("metadata")).isEqualTo(Map.of());
	}

	@Test
	void loadWithoutOrganizationThenOnlyTheUser() {
		MintSubject subject = load(this.userId, null);

		assertThat(subject.organizationId()).isNull();
		assertThat(subject.role()).isNull();
		assertThat(subject.context()).containsOnlyKeys("user");
		assertThat(JSON.convertValue(subject.context(), Map.class).get("user")).isEqualTo(contextFromApi().get("user"));
	}

	@Test
	void loadWhenUserOrOrganizationUnknownThen404NamingIt() {
		String unknownUser = "user_01HXXXXXXXXXXXXXXXXXXXXXXX";
		String unknownOrg = "org_01HXXXXXXXXXXXXXXXXXXXXXXX";

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(unknownUser, this.orgId))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(404))
			.withMessageContaining(unknownUser);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(unknownUser, null))
			.withMessageContaining(unknownUser);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(this.userId, unknownOrg))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(404))
			.withMessageContaining(unknownOrg);
	}

	@Test
	void loadWhenMembershipInactiveOrMissingThen403() {
		String stranger = this.api.post("/organizations", Map.of("name", "Elsewhere")).field("id");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(this.userId, stranger))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("organization_membership_required"));

		this.api.put("/user_management/organization_memberships/" + this.membershipId + "/deactivate", Map.of());
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(this.userId, this.orgId))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(403));

		this.api.put("/user_management/organization_memberships/" + this.membershipId + "/reactivate", Map.of());
		assertThat(section(load(this.userId, this.orgId), "organization_membership").get("status")).isEqualTo("active");
	}

	@Test
	void loadAfterDeletesThen404() {
		this.api.delete("/organizations/" + this.orgId);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(this.userId, this.orgId))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(404));

		this.api.delete("/user_management/users/" + this.userId);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> load(this.userId, null))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(404));
	}

	/** The string ids the API returns, typed as the mint path takes them. */
	private MintSubject load(String userId, String organizationId) {
		return this.subjects.load(new UserId(userId), OrganizationId.ofNullable(organizationId));
	}

	private Map<String, Object> contextFromQuery() {
		return JSON.convertValue(load(this.userId, this.orgId).context(), Map.class);
	}

	/** What a template should see, built only from the API's responses. */
	private Map<String, Object> contextFromApi() {
		JsonNode user = this.api.get("/user_management/users/" + this.userId).json();
		JsonNode organization = this.api.get("/organizations/" + this.orgId).json();
		JsonNode membership = this.api.get("/user_management/organization_memberships/" + this.membershipId).json();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("user", fields(user, "id", "email", "email_verified", "first_name", "last_name",
				"profile_picture_url", "external_id", "metadata", "public_metadata", "unsafe_metadata"));
		Map<String, Object> org = fields(organization, "id", "name", "external_id", "metadata", "public_metadata");
		// The WorkOS wire has no slug; the Clerk wire reads the same organization.
		org.put("slug", this.api.get("/clerk/v1/organizations/" + this.orgId).json().get("slug").asString());
		org.put("domains", organizationDomains(organization));
		context.put("organization", org);
		String role = membership.at("/role/slug").asString();
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("id", membership.get("id").asString());
		member.put("role", role);
		member.put("roles", List.of(role));
		member.put("permissions", "admin".equals(role) ? List.of("organization:manage", "members:manage") : List.of());
		member.put("status", membership.get("status").asString());
		member.putAll(fields(membership, "external_id", "metadata", "public_metadata", "custom_attributes"));
		context.put("organization_membership", member);
		return JSON.convertValue(context, Map.class);
	}

	private List<Map<String, String>> organizationDomains() {
		return organizationDomains(this.api.get("/organizations/" + this.orgId).json());
	}

	private static List<Map<String, String>> organizationDomains(JsonNode organization) {
		return organization.get("domains")
			.valueStream()
			.map((domain) -> Map.of("domain", domain.get("domain").asString()))
			.toList();
	}

	// Fields the management API does not return yet (a membership's external_id) are
	// compared as stored empty.
	private static Map<String, Object> fields(JsonNode node, String... names) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : names) {
			Object fallback = name.equals("external_id") ? null : Map.of();
			fields.put(name, node.has(name) ? JSON.convertValue(node.get(name), Object.class) : fallback);
		}
		return fields;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(MintSubject subject, String name) {
		return (Map<String, Object>) subject.context().get(name);
	}

	private static Map<String, Object> domain(String name) {
		return Map.of("domain", name, "state", "verified");
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static Map<String, String> mapWithNull(String key, String value) {
		Map<String, String> map = orderedMap(key, value);
		map.put("zeta", null);
		return map;
	}

}
