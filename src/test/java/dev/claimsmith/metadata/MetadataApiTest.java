package dev.claimsmith.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiErrorAssert;
import dev.claimsmith.ApiResource;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's metadata limits, each at and just beyond its boundary, on every resource
 * that has metadata: 10 keys, key 1–40 and value at most 600 printable ASCII characters.
 * A violation is a 400 {@code invalid_metadata} naming the key and writes nothing.
 */
@ApiTest
class MetadataApiTest {

	@Autowired
	ApiClient api;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWithTenKeysThenAllAreStored(ApiResource resource) {
		Response created = create(resource, keys("k", 10));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("metadata").properties()).hasSize(10);
		assertThat(reread(resource, created).get("metadata")).isEqualTo(created.json().get("metadata"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWithElevenKeysThen400AndNothingWritten(ApiResource resource) {
		assertCreateRejected(resource, keys("k", 11), "metadata");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void updateWhenTheMergedMetadataWouldHaveElevenKeysThen400AndNothingChanged(ApiResource resource) {
		String id = create(resource, keys("old", 6)).field("id");
		Response before = this.api.get(resource.pathOf(id));

		Response response = update(resource, id, keys("new", 5));
		assertThatError(response).is(400, "invalid_metadata").namesField("metadata");
		assertThat(this.api.get(resource.pathOf(id)).json()).isEqualTo(before.json());
	}

	@Test
	void organizationWithMoreKeysThanTenFromTheClerkWireStaysEditableButTakesNoNewKey() {
		String id = this.api
			.post("/clerk/v1/organizations", Map.of("name", "Many keys " + unique(), "private_metadata", keys("k", 13)))
			.field("id");

		Response trimmed = update(ApiResource.ORGANIZATIONS, id, Collections.singletonMap("k0", null));
		assertThat(trimmed.status()).as(trimmed.text()).isEqualTo(200);
		assertThat(trimmed.json().get("metadata").propertyNames()).hasSize(12).doesNotContain("k0");
		Response changed = update(ApiResource.ORGANIZATIONS, id, Map.of("k1", "changed"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.json().get("metadata").get("k1").asString()).isEqualTo("changed");

		Response grown = update(ApiResource.ORGANIZATIONS, id, Map.of("new", "v"));
		assertThatError(grown).is(400, "invalid_metadata").namesField("metadata");
		assertThat(this.api.get(ApiResource.ORGANIZATIONS.pathOf(id)).json().get("metadata").propertyNames())
			.hasSize(12);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void updateThatDeletesAsManyKeysAsItAddsThenTenKeysAreFine(ApiResource resource) {
		String id = create(resource, keys("old", 10)).field("id");
		Map<String, String> patch = new LinkedHashMap<>(keys("new", 2));
		patch.put("old0", null);
		patch.put("old1", null);

		Response response = update(resource, id, patch);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("metadata").propertyNames()).hasSize(10)
			.contains("new0", "new1")
			.doesNotContain("old0", "old1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void keyOfFortyCharactersIsFineAndFortyOneIsRejectedByName(ApiResource resource) {
		String forty = "k".repeat(40);
		String fortyOne = "K".repeat(41);

		assertThat(create(resource, Map.of(forty, "v")).json().get("metadata").get(forty).asString()).isEqualTo("v");
		assertCreateRejected(resource, Map.of(fortyOne, "v"), "metadata." + fortyOne).messageContains(fortyOne);
		String id = create(resource, Map.of()).field("id");
		assertThatError(update(resource, id, Map.of(fortyOne, "v"))).is(400, "invalid_metadata")
			.namesField("metadata." + fortyOne);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void emptyKeyIsRejected(ApiResource resource) {
		assertCreateRejected(resource, Map.of("", "v"), "metadata.");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void valueOfSixHundredCharactersIsFineAndSixHundredOneIsRejectedNamingTheKey(ApiResource resource) {
		String sixHundred = "v".repeat(600);

		assertThat(create(resource, Map.of("long", sixHundred)).json().get("metadata").get("long").asString())
			.isEqualTo(sixHundred);
		assertCreateRejected(resource, Map.of("long", sixHundred + "v"), "metadata.long").messageContains("long");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void emptyValueAndEveryPrintableCharacterAreFine(ApiResource resource) {
		String printable = printableAscii();
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("empty", "");
		metadata.put("all printable", printable);
		metadata.put(printable.substring(0, 40), "first forty");
		metadata.put(printable.substring(55), "last forty");

		Response created = create(resource, metadata);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode stored = reread(resource, created).get("metadata");
		assertThat(stored.get("empty").asString()).isEmpty();
		assertThat(stored.get("all printable").asString()).isEqualTo(printable);
		assertThat(stored.get(printable.substring(0, 40)).asString()).isEqualTo("first forty");
		assertThat(stored.get(printable.substring(55)).asString()).isEqualTo("last forty");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void nonAsciiOrControlCharacterInAKeyIsRejected(ApiResource resource) {
		for (String key : new String[] { "caf\u00e9", "emoji\uD83D\uDE00", "new\nline", "tab\t", "nul\u0000",
				"del\u007f" }) {
			assertCreateRejected(resource, Map.of(key, "v"), null);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void nonAsciiOrControlCharacterInAValueIsRejectedNamingTheKey(ApiResource resource) {
		for (String value : new String[] { "caf\u00e9", "\uD83D\uDE00", "new\nline", "tab\t", "nul\u0000", "del\u007f",
				"\u00a0" }) {
			assertCreateRejected(resource, Map.of("bad", value), "metadata.bad");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void valueThatIsNotAStringOrNullIsRejectedNamingTheKey(ApiResource resource) {
		for (Object value : new Object[] { 42, true, Map.of("nested", "x"), List.of("x") }) {
			assertCreateRejected(resource, Map.of("typed", value), "metadata.typed");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void metadataThatIsNotAnObjectIsRejected(ApiResource resource) {
		for (Object metadata : new Object[] { List.of("a", "b"), "a=b", 7 }) {
			String externalId = "meta-type-" + unique();
			Response response = this.api.post(resource.path(),
					resource.createBody(Map.of("external_id", externalId, "metadata", metadata)));
			assertThatError(response).isClientError().namesField("metadata");
			assertThat(this.api.get(resource.pathOfExternalId(externalId)).status()).isEqualTo(404);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void updateWithAnInvalidKeyAmongValidOnesThenNothingChanged(ApiResource resource) {
		String id = create(resource, Map.of("keep", "1")).field("id");
		Response before = this.api.get(resource.pathOf(id));
		Map<String, String> patch = new LinkedHashMap<>();
		patch.put("keep", null);
		patch.put("added", "2");
		patch.put("bad\u00e9", "3");

		assertThatError(update(resource, id, patch)).is(400, "invalid_metadata");
		assertThat(this.api.get(resource.pathOf(id)).json()).isEqualTo(before.json());
	}

	private ApiErrorAssert assertCreateRejected(ApiResource resource, Map<String, ?> metadata, String field) {
		String externalId = "meta-" + unique();
		Response response = this.api.post(resource.path(),
				resource.createBody(Map.of("external_id", externalId, "metadata", metadata)));
		ApiErrorAssert error = assertThatError(response).as("metadata %s", metadata).is(400, "invalid_metadata");
		if (field != null) {
			error.namesField(field);
		}
		assertThat(this.api.get(resource.pathOfExternalId(externalId)).status()).as("written?").isEqualTo(404);
		return error;
	}

	private Response create(ApiResource resource, Map<String, ?> metadata) {
		return this.api.post(resource.path(), resource.createBody(Map.of("metadata", metadata)));
	}

	private Response update(ApiResource resource, String id, Map<String, ?> patch) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("metadata", patch);
		return this.api.put(resource.pathOf(id), body);
	}

	private JsonNode reread(ApiResource resource, Response created) {
		return this.api.get(resource.pathOf(created.field("id"))).json();
	}

	static Map<String, String> keys(String prefix, int count) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			keys.put(prefix + i, "value " + i);
		}
		return keys;
	}

	/** The 95 characters from space to tilde. */
	static String printableAscii() {
		StringBuilder text = new StringBuilder();
		for (char c = 0x20; c <= 0x7e; c++) {
			text.append(c);
		}
		return text.toString();
	}

}
