package dev.claimsmith.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class OrganizationApiTest {

	@Autowired
	ApiClient api;

	@Test
	void createThenReturnsTheWholeObjectWithMetadataExternalIdAndDomains() {
		String externalId = "acme-" + unique();
		Response created = this.api.post("/organizations",
				Map.of("name", "Acme", "external_id", externalId, "metadata", Map.of("tier", "gold"), "domain_data",
						List.of(Map.of("domain", "Acme-" + externalId + ".com", "state", "verified"))));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Content-Type")).startsWith("application/json");
		JsonNode org = created.json();
		assertThat(org.get("object").asString()).isEqualTo("organization");
		assertThat(org.get("id").asString()).matches("org_[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(org.get("name").asString()).isEqualTo("Acme");
		assertThat(org.get("allow_profiles_outside_organization").asBoolean()).isFalse();
		assertThat(org.get("external_id").asString()).isEqualTo(externalId);
		assertThat(org.get("metadata").get("tier").asString()).isEqualTo("gold");
		assertThat(org.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(org.get("updated_at").asString()).isEqualTo(org.get("created_at").asString());
		JsonNode domain = org.get("domains").get(0);
		assertThat(domain.get("object").asString()).isEqualTo("organization_domain");
		assertThat(domain.get("id").asString()).startsWith("org_domain_");
		assertThat(domain.get("organization_id").asString()).isEqualTo(org.get("id").asString());
		assertThat(domain.get("domain").asString()).isEqualTo(("acme-" + externalId + ".com").toLowerCase());
		assertThat(domain.get("state").asString()).isEqualTo("verified");
		assertThat(domain.get("verification_strategy").asString()).isEqualTo("manual");
	}

	@Test
	void createWithoutOptionalFieldsThenTheyArePresentAsNullOrEmpty() {
		JsonNode org = this.api.post("/organizations", Map.of("name", "Bare")).json();

		assertThat(org.has("external_id")).isTrue();
		assertThat(org.get("external_id").isNull()).isTrue();
		assertThat(org.get("metadata").isEmpty()).isTrue();
		assertThat(org.get("domains").isEmpty()).isTrue();
	}

	@Test
	void getAndGetByExternalIdThenReturnTheSameObject() {
		String externalId = "ext/" + unique() + " with spaces?#%";
		Response created = this.api.post("/organizations", Map.of("name", "Lookup", "external_id", externalId));
		String id = created.field("id");

		assertThat(this.api.get("/organizations/" + id).json()).isEqualTo(created.json());
		Response byExternalId = this.api.get("/organizations/external_id/"
				+ URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
		assertThat(byExternalId.status()).isEqualTo(200);
		assertThat(byExternalId.field("id")).isEqualTo(id);
	}

	@Test
	void getWhenUnknownThen404EntityNotFound() {
		Response response = this.api.get("/organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.field("code")).isEqualTo("entity_not_found");
		assertThat(response.field("message")).isNotBlank();
		assertThat(this.api.get("/organizations/external_id/nope-" + unique()).status()).isEqualTo(404);
	}

	@Test
	void updateMetadataThenKeysArePartiallyMergedDeletedAndCleared() {
		String id = this.api
			.post("/organizations", Map.of("name", "Meta", "metadata", Map.of("a", "1", "b", "2", "c", "3")))
			.field("id");
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("b", null);
		patch.put("c", "30");
		patch.put("d", "4");

		JsonNode updated = this.api.put("/organizations/" + id, Map.of("metadata", patch)).json();
		assertThat(updated.get("metadata").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("a", "c", "d");
		assertThat(updated.get("metadata").get("c").asString()).isEqualTo("30");

		JsonNode untouched = this.api.put("/organizations/" + id, Map.of("name", "Meta 2")).json();
		assertThat(untouched.get("metadata")).isEqualTo(updated.get("metadata"));
		assertThat(untouched.get("name").asString()).isEqualTo("Meta 2");

		JsonNode cleared = this.api.put("/organizations/" + id, Map.of("metadata", Map.of())).json();
		assertThat(cleared.get("metadata").isEmpty()).isTrue();
	}

	@Test
	void updateExternalIdToNullThenItIsClearedAndFreeAgain() {
		String externalId = "free-" + unique();
		String id = this.api.post("/organizations", Map.of("name", "X", "external_id", externalId)).field("id");
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("external_id", null);

		assertThat(this.api.put("/organizations/" + id, clear).json().get("external_id").isNull()).isTrue();
		assertThat(this.api.post("/organizations", Map.of("name", "Y", "external_id", externalId)).status())
			.isEqualTo(201);
	}

	@Test
	void createWhenExternalIdTakenThen400ExternalIdAlreadyUsed() {
		String externalId = "taken-" + unique();
		this.api.post("/organizations", Map.of("name", "First", "external_id", externalId));

		Response second = this.api.post("/organizations", Map.of("name", "Second", "external_id", externalId));
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.field("code")).isEqualTo("external_id_already_used");
		String otherId = this.api.post("/organizations", Map.of("name", "Third")).field("id");
		Response update = this.api.put("/organizations/" + otherId, Map.of("external_id", externalId));
		assertThat(update.status()).isEqualTo(400);
		assertThat(update.field("code")).isEqualTo("external_id_already_used");
	}

	@Test
	void updateDomainsThenKeptDomainsKeepTheirIds() {
		JsonNode org = this.api
			.post("/organizations", Map.of("name", "D", "domain_data",
					List.of(Map.of("domain", "keep-" + unique() + ".io", "state", "pending"))))
			.json();
		JsonNode kept = org.get("domains").get(0);
		String added = "new-" + unique() + ".io";

		JsonNode updated = this.api.put("/organizations/" + org.get("id").asString(),
				Map.of("domain_data", List.of(Map.of("domain", kept.get("domain").asString(), "state", "verified"),
						Map.of("domain", added, "state", "pending"))))
			.json();
		assertThat(updated.get("domains")).hasSize(2);
		assertThat(updated.get("domains").get(0).get("id")).isEqualTo(kept.get("id"));
		assertThat(updated.get("domains").get(0).get("state").asString()).isEqualTo("verified");
		assertThat(updated.get("domains").get(1).get("domain").asString()).isEqualTo(added);
	}

	@Test
	void deleteThen202EmptyAndGone() {
		String id = this.api.post("/organizations", Map.of("name", "Doomed")).field("id");

		Response deleted = this.api.delete("/organizations/" + id);
		assertThat(deleted.status()).isEqualTo(202);
		assertThat(deleted.text()).isEmpty();
		assertThat(this.api.get("/organizations/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete("/organizations/" + id).status()).isEqualTo(404);
	}

	@Test
	void listThenPagesThroughEveryOrganizationOfADomainWithCursors() {
		String domain = "paged-" + unique() + ".com";
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.api
				.post("/organizations",
						Map.of("name", "P" + i, "domain_data", List.of(Map.of("domain", domain, "state", "verified"))))
				.field("id"));
		}

		JsonNode first = this.api.get("/organizations?domains=" + domain + "&limit=2").json();
		assertThat(first.get("object").asString()).isEqualTo("list");
		assertThat(first.get("data")).extracting((node) -> node.get("id").asString())
			.containsExactly(ids.get(4), ids.get(3));
		assertThat(first.get("list_metadata").get("before").isNull()).isTrue();
		assertThat(first.get("list_metadata").get("after").asString()).isEqualTo(ids.get(3));

		JsonNode last = this.api.get("/organizations?domains=" + domain + "&limit=2&after=" + ids.get(1)).json();
		assertThat(last.get("data")).extracting((node) -> node.get("id").asString()).containsExactly(ids.get(0));
		assertThat(last.get("list_metadata").get("after").isNull()).isTrue();
		assertThat(last.get("list_metadata").get("before").asString()).isEqualTo(ids.get(0));

		JsonNode back = this.api.get("/organizations?domains=" + domain + "&limit=2&before=" + ids.get(1)).json();
		assertThat(back.get("data")).extracting((node) -> node.get("id").asString())
			.containsExactly(ids.get(3), ids.get(2));
		assertThat(back.get("list_metadata").get("before").asString()).isEqualTo(ids.get(3));
		assertThat(back.get("list_metadata").get("after").asString()).isEqualTo(ids.get(2));

		JsonNode ascending = this.api.get("/organizations?domains=" + domain + "&order=asc&limit=100").json();
		assertThat(ascending.get("data")).extracting((node) -> node.get("id").asString())
			.containsExactlyElementsOf(ids);
		assertThat(ascending.get("list_metadata").get("after").isNull()).isTrue();
	}

	@Test
	void listWhenLimitOrOrderInvalidThen422() {
		assertThat(this.api.get("/organizations?limit=0").status()).isEqualTo(422);
		assertThat(this.api.get("/organizations?limit=101").status()).isEqualTo(422);
		assertThat(this.api.get("/organizations?limit=ten").status()).isEqualTo(422);
		Response order = this.api.get("/organizations?order=sideways");
		assertThat(order.status()).isEqualTo(422);
		assertThat(order.field("code")).isEqualTo("invalid_request_parameters");
		assertThat(order.json().get("errors").get(0).get("field").asString()).isEqualTo("order");
	}

}
