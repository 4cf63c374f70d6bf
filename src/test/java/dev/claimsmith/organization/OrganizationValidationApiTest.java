package dev.claimsmith.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization fields of the wrong type or value: a 422 naming the field, nothing
 * written.
 */
@ApiTest
class OrganizationValidationApiTest {

	@Autowired
	ApiClient api;

	@Test
	void createWhenNameIsMissingBlankTooLongOrNotAStringThen422() {
		assertRejected(Map.of(), "name");
		assertRejected(Map.of("name", "   "), "name");
		assertRejected(Map.of("name", "n".repeat(256)), "name");
		assertRejected(Map.of("name", 42), "name");
		assertRejected(Map.of("name", List.of("Acme")), "name");
		assertRejected(Map.of("name", Map.of("first", "Acme")), "name");
		Map<String, Object> nullName = new LinkedHashMap<>();
		nullName.put("name", null);
		assertRejected(nullName, "name");
	}

	@Test
	void createWhenNameIsTwoHundredFiftyFiveCharactersThenAccepted() {
		Response created = this.api.post("/organizations", Map.of("name", "n".repeat(255)));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.field("name")).hasSize(255);
	}

	@Test
	void createWhenDomainDataIsMalformedThen422NamingTheEntry() {
		assertRejected(Map.of("name", "D", "domain_data", Map.of("domain", "a.com")), "domain_data");
		assertRejected(Map.of("name", "D", "domain_data", "a.com"), "domain_data");
		assertRejected(Map.of("name", "D", "domain_data", List.of("a.com")), "domain_data[0].domain");
		assertRejected(Map.of("name", "D", "domain_data", List.of(Map.of("state", "verified"))),
				"domain_data[0].domain");
		assertRejected(Map.of("name", "D", "domain_data", List.of(Map.of("domain", 7))), "domain_data[0].domain");
		assertRejected(Map.of("name", "D", "domain_data", List.of(Map.of("domain", "not a domain"))),
				"domain_data[0].domain");
		assertRejected(Map.of("name", "D", "domain_data",
				List.of(Map.of("domain", "ok-" + unique() + ".com"), Map.of("domain", "x.com", "state", "sideways"))),
				"domain_data[1].state");
		assertRejected(Map.of("name", "D", "domain_data", List.of(Map.of("domain", "x.com", "state", true))),
				"domain_data[0].state");
	}

	@Test
	void createWhenSeveralFieldsAreWrongThenEveryOneIsNamed() {
		Response response = this.api.post("/organizations",
				Map.of("name", 1, "external_id", 2, "domain_data", List.of(Map.of("domain", "-"))));

		assertThatError(response).is(422, "invalid_request_parameters");
		assertThat(response.json().get("errors")).extracting((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("name", "external_id", "domain_data[0].domain");
	}

	@Test
	void updateWhenAFieldIsWrongThenNothingChanges() {
		String id = this.api
			.post("/organizations",
					Map.of("name", "Kept", "metadata", Map.of("k", "v"), "external_id", "kept-" + unique()))
			.field("id");
		Response before = this.api.get("/organizations/" + id);
		Map<String, Object> nullName = new LinkedHashMap<>();
		nullName.put("name", null);
		nullName.put("metadata", Map.of("k", "changed"));

		assertThatError(this.api.put("/organizations/" + id, nullName)).is(422, "invalid_request_parameters")
			.namesField("name");
		assertThatError(this.api.put("/organizations/" + id,
				Map.of("name", "Changed", "domain_data", List.of(Map.of("domain", "x.com", "state", "nope")))))
			.is(422, "invalid_request_parameters");
		assertThatError(this.api.put("/organizations/" + id, Map.of("name", "Changed", "metadata", List.of())))
			.isClientError();
		assertThat(this.api.get("/organizations/" + id).json()).isEqualTo(before.json());
	}

	@Test
	void updateWhenUnknownThen404() {
		assertThatError(this.api.put("/organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX", Map.of("name", "x"))).is(404,
				"entity_not_found");
	}

	private void assertRejected(Map<String, ?> fields, String field) {
		String externalId = "invalid-" + unique();
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("external_id", externalId);
		Response response = this.api.post("/organizations", body);
		assertThatError(response).as("%s", fields).is(422, "invalid_request_parameters").namesField(field);
		assertThat(this.api.get("/organizations/external_id/" + externalId).status()).isEqualTo(404);
	}

}
