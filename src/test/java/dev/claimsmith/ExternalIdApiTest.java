package dev.claimsmith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's external ids on every resource that has them: 1–64 printable ASCII
 * characters, any of which survive the round trip through the lookup by external id. A
 * violation is a 422 naming {@code external_id} and writes nothing.
 */
@ApiTest
class ExternalIdApiTest {

	@Autowired
	ApiClient api;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void sixtyFourCharactersAreFineAndSixtyFiveAreRejected(ApiResource resource) {
		String sixtyFour = (unique() + "-").repeat(8).substring(0, 64);

		assertRoundTrip(resource, sixtyFour);
		assertCreateRejected(resource, sixtyFour + "x");
		String id = this.api.post(resource.path(), resource.createBody(Map.of())).field("id");
		assertThatError(this.api.put(resource.pathOf(id), Map.of("external_id", sixtyFour + "y")))
			.is(422, "invalid_request_parameters")
			.namesField("external_id");
		assertThat(this.api.get(resource.pathOf(id)).json().get("external_id").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void emptyIsRejected(ApiResource resource) {
		Response response = this.api.post(resource.path(), resource.createBody(Map.of("external_id", "")));

		assertThatError(response).is(422, "invalid_request_parameters").namesField("external_id");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void nonPrintableOrNonAsciiIsRejected(ApiResource resource) {
		String base = "bad-" + unique();
		for (String externalId : new String[] { base + "\u0000", base + "\t", base + "\n", base + "\u007f",
				base + "\u00e9", base + "\uD83D\uDE00", base + "\u00a0" }) {
			assertCreateRejected(resource, externalId);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void notAStringIsRejected(ApiResource resource) {
		for (Object externalId : new Object[] { 42, true, Map.of("id", "x"), List.of("x") }) {
			Response response = this.api.post(resource.path(), resource.createBody(Map.of("external_id", externalId)));
			assertThatError(response).is(422, "invalid_request_parameters").namesField("external_id");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void specialCharactersSurviveTheLookupByExternalId(ApiResource resource) {
		String u = unique();
		for (String externalId : new String[] { "a/" + u, "/" + u + "/", u + "?q=1", u + "#frag", u + "%20", u + "%2F",
				u + " with space ", " " + u, u + "+plus", u + "&a=b", u + ";matrix=1", u + "\\back",
				u + "\"'`<>{}|^~[]", u + "!$*(),:@=" }) {
			assertRoundTrip(resource, externalId);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void everyPrintableCharacterSurvivesTheLookupByExternalId(ApiResource resource) {
		StringBuilder printable = new StringBuilder();
		for (char c = 0x20; c <= 0x7e; c++) {
			printable.append(c);
		}
		String u = unique();
		assertRoundTrip(resource, u + printable.substring(0, 47));
		assertRoundTrip(resource, u + printable.substring(47));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void dotSegmentsSurviveTheLookupByExternalId(ApiResource resource) {
		String u = unique();
		assertRoundTrip(resource, u + ".");
		assertRoundTrip(resource, "..." + u);
		for (String externalId : new String[] { ".", ".." }) {
			// Whole-id dot segments cannot be made unique; an earlier run may have made
			// them.
			Response created = this.api.post(resource.path(), resource.createBody(Map.of("external_id", externalId)));
			Response found = this.api.get(resource.pathOfExternalId(externalId));
			assertThat(found.status()).as("lookup of [%s]: %s", externalId, found.text()).isEqualTo(200);
			assertThat(found.field("external_id")).isEqualTo(externalId);
			if (created.status() == 201) {
				assertThat(found.field("id")).isEqualTo(created.field("id"));
			}
		}
	}

	private void assertRoundTrip(ApiResource resource, String externalId) {
		Response created = this.api.post(resource.path(), resource.createBody(Map.of("external_id", externalId)));
		assertThat(created.status()).as("create with external_id [%s]: %s", externalId, created.text()).isEqualTo(201);
		assertThat(created.field("external_id")).isEqualTo(externalId);
		Response found = this.api.get(resource.pathOfExternalId(externalId));
		assertThat(found.status())
			.as("lookup of [%s] at %s: %s", externalId, resource.pathOfExternalId(externalId), found.text())
			.isEqualTo(200);
		assertThat(found.field("id")).isEqualTo(created.field("id"));
		assertThat(found.field("external_id")).isEqualTo(externalId);
	}

	private void assertCreateRejected(ApiResource resource, String externalId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("external_id", externalId);
		Response response = this.api.post(resource.path(), resource.createBody(fields));
		assertThatError(response).as("external_id [%s]", externalId)
			.is(422, "invalid_request_parameters")
			.namesField("external_id")
			.messageContains("external_id");
		if (externalId.chars().allMatch((c) -> c >= 0x20 && c <= 0x7e)) {
			assertThat(this.api.get(resource.pathOfExternalId(externalId)).status()).isEqualTo(404);
		}
	}

}
