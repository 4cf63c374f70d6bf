package dev.claimsmith.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiResource;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON string that escapes an unpaired UTF-16 surrogate (backslash-u D800 alone) names
 * no Unicode text (RFC 8259 §8.2, RFC 7493 §2.1): a request body holding one anywhere, in
 * a name or deep in a metadata value, is refused like a malformed body (422
 * {@code invalid_json}, as a key holding one already was) and writes nothing. Paired
 * surrogates, escaped or raw, are text like any other and round-trip unchanged.
 */
@ApiTest
class UnpairedSurrogatesApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** JSON string contents, escapes as sent, each holding an unpaired surrogate. */
	private static final List<String> UNPAIRED = List.of("\\ud800", "a\\uDBFFb", "\\ud800\\u0041", "\\ud800\\n",
			"\\ud800\\\\udc00", "\\udfff", "x\\uDC00", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00",
			"\\ud83d\\ude00\\udc00");

	/** Escapes as sent, and the text they name. */
	private static final String PAIRED = "\\ud83d\\ude00 \\uD83D\\uDE00 \uD83D\uDE00 \\\\ud800";

	private static final String PAIRED_TEXT = "\uD83D\uDE00 \uD83D\uDE00 \uD83D\uDE00 \\ud800";

	@Autowired
	ApiClient api;

	static Stream<Arguments> resourcesAndUnpaired() {
		return ApiResource.all().flatMap((resource) -> UNPAIRED.stream().map((text) -> Arguments.of(resource, text)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("resourcesAndUnpaired")
	void createWhenANameHoldsAnUnpairedSurrogateThen422AndNothingWritten(ApiResource resource, String text) {
		String externalId = "surrogate-name-" + unique();

		assertRefused(resource, externalId, body(resource, externalId, Map.of(nameOf(resource), "\"" + text + "\"")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("resourcesAndUnpaired")
	void createWhenAMetadataValueHoldsAnUnpairedSurrogateThen422AndNothingWritten(ApiResource resource, String text) {
		String externalId = "surrogate-metadata-" + unique();

		assertRefused(resource, externalId, body(resource, externalId, Map.of("metadata", "{\"k\":\"" + text + "\"}")));
		assertRefused(resource, externalId, body(resource, externalId,
				Map.of("public_metadata", "{\"a\":{\"b\":[\"ok\",{\"c\":\"" + text + "\"}]}}")));
	}

	@Test
	void createWhenUnsafeMetadataHoldsAnUnpairedSurrogateThen422AndNothingWritten() {
		String externalId = "surrogate-unsafe-" + unique();

		assertRefused(ApiResource.USERS, externalId,
				body(ApiResource.USERS, externalId, Map.of("unsafe_metadata", "{\"theme\":{\"name\":\"\\udbff\"}}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void updateWhenTheBodyHoldsAnUnpairedSurrogateThen422AndTheObjectIsUnchanged(ApiResource resource) {
		String id = this.api.post(resource.path(), resource.createBody(Map.of("public_metadata", Map.of("k", "v"))))
			.field("id");
		JsonNode before = this.api.get(resource.pathOf(id)).json();

		assertInvalidJson(this.api.put(resource.pathOf(id), "{\"" + nameOf(resource) + "\":\"\\ud800\"}"));
		assertInvalidJson(this.api.put(resource.pathOf(id), "{\"public_metadata\":{\"k\":[\"\\udc00\"]}}"));
		assertInvalidJson(MetadataObject.send(this.api, "PATCH", resource.pathOf(id) + "/metadata",
				"{\"public_metadata\":{\"k\":{\"deep\":\"\\ude00\\ud83d\"}}}", MetadataObject.MERGE_PATCH, null));
		assertThat(this.api.get(resource.pathOf(id)).json()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenAKeyOrAValueHoldsAnUnpairedSurrogateThenTheSameRefusal(ApiResource resource) {
		String externalId = "surrogate-same-" + unique();

		Response key = this.api.post(resource.path(),
				body(resource, externalId, Map.of("public_metadata", "{\"\\ud800\":\"v\"}")));
		Response value = this.api.post(resource.path(),
				body(resource, externalId, Map.of("public_metadata", "{\"k\":\"\\ud800\"}")));

		assertInvalidJson(key);
		assertThat(value.status()).isEqualTo(key.status());
		assertThat(value.json()).isEqualTo(key.json());
	}

	@Test
	void mintWhenTheBodyHoldsAnUnpairedSurrogateThen422() {
		assertInvalidJson(this.api.post("/access_tokens", "{\"user_id\":\"user_\\ud800\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenTheBodyIsInAnotherCharsetAndHoldsAnUnpairedSurrogateThen422AndNothingWritten(ApiResource resource) {
		String escaped = "surrogate-latin1-" + unique();
		byte[] latin1 = body(resource, escaped, Map.of("public_metadata", "{\"k\":\"caf\u00e9 \\ud800\"}"))
			.getBytes(StandardCharsets.ISO_8859_1);
		// CESU-8 encodes each surrogate on its own (ED A0 80 is U+D800), and Java's
		// decoder
		// decodes one alone as is: an unpaired surrogate without any escape.
		String raw = "surrogate-cesu8-" + unique();
		byte[] cesu8 = withMetadataBytes(resource, raw, 0xED, 0xA0, 0x80);
		String paired = "surrogate-cesu8-paired-" + unique();
		byte[] cesu8Pair = withMetadataBytes(resource, paired, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80);

		assertInvalidJson(post(resource, "application/json; charset=ISO-8859-1", latin1));
		assertInvalidJson(post(resource, "application/json; charset=CESU-8", cesu8));
		assertNotWritten(resource, escaped);
		assertNotWritten(resource, raw);
		Response accepted = post(resource, "application/json; charset=CESU-8", cesu8Pair);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
		assertThat(accepted.json().at("/public_metadata/k").asString()).isEqualTo("\uD83D\uDE00");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenTheBodyIsUtf32AndHoldsARawUnpairedSurrogateThen422AndNothingWritten(ApiResource resource) {
		String externalId = "surrogate-utf32-" + unique();
		String[] around = body(resource, externalId, Map.of("public_metadata", "{\"k\":\"HERE\"}")).split("HERE");
		// Every byte is well-formed UTF-8 (DC 80 is U+0700), but the NULs make it
		// UTF-32BE
		// to Jackson, whose decoder passes U+DC80 on.
		ByteBuffer utf32 = ByteBuffer.allocate(4 * (around[0].length() + 1 + around[1].length()));
		(around[0] + "\uDC80" + around[1]).chars().forEach(utf32::putInt);

		assertMalformed(post(resource, "application/json", utf32.array()));
		assertNotWritten(resource, externalId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenSurrogatesArePairedThenAcceptedAndReturnedUnchanged(ApiResource resource) {
		String externalId = "surrogate-paired-" + unique();
		String body = body(resource, externalId, Map.of(nameOf(resource), "\"" + PAIRED + "\"", "public_metadata",
				"{\"a\":{\"b\":[\"" + PAIRED + "\"]}}"));

		Response created = this.api.post(resource.path(), body);

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode expected = JSON.readTree("{\"a\":{\"b\":[" + ApiClient.json(PAIRED_TEXT) + "]}}");
		for (JsonNode answer : List.of(created.json(), this.api.get(resource.pathOfExternalId(externalId)).json())) {
			assertThat(answer.get(nameOf(resource)).asString()).isEqualTo(PAIRED_TEXT);
			assertThat(answer.get("public_metadata")).isEqualTo(expected);
		}
	}

	@Test
	void updateWhenSurrogatesArePairedThenStoredUnchanged() {
		ApiResource resource = ApiResource.USERS;
		String id = this.api.post(resource.path(), resource.createBody(Map.of())).field("id");

		Response updated = this.api.put(resource.pathOf(id), "{\"last_name\":\"" + PAIRED + "\"}");
		Response patched = MetadataObject.send(this.api, "PATCH", resource.pathOf(id) + "/metadata",
				"{\"unsafe_metadata\":{\"k\":{\"deep\":\"" + PAIRED + "\"}}}", MetadataObject.MERGE_PATCH, null);

		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		JsonNode user = this.api.get(resource.pathOf(id)).json();
		assertThat(user.get("last_name").asString()).isEqualTo(PAIRED_TEXT);
		assertThat(user.at("/unsafe_metadata/k/deep").asString()).isEqualTo(PAIRED_TEXT);
	}

	private Response post(ApiResource resource, String contentType, byte[] body) {
		return this.api.send(this.api.request(resource.path())
			.header("Content-Type", contentType)
			.POST(BodyPublishers.ofByteArray(body))
			.build());
	}

	private void assertRefused(ApiResource resource, String externalId, String body) {
		assertInvalidJson(this.api.post(resource.path(), body));
		assertNotWritten(resource, externalId);
	}

	private static void assertInvalidJson(Response response) {
		assertMalformed(response);
		assertThatError(response).messageContains("unpaired UTF-16 surrogate");
	}

	private static void assertMalformed(Response response) {
		assertThatError(response).is(422, "invalid_request_parameters");
		assertThat(response.json().at("/errors/0/code").asString()).as(response.text()).isEqualTo("invalid_json");
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("body");
	}

	private void assertNotWritten(ApiResource resource, String externalId) {
		Response lookup = this.api.get(resource.pathOfExternalId(externalId));
		assertThat(lookup.status()).as("lookup of %s after a rejected write", externalId).isEqualTo(404);
	}

	/**
	 * A valid create body, as JSON text, with each of {@code fields} set to its JSON as
	 * is.
	 */
	private static String body(ApiResource resource, String externalId, Map<String, String> fields) {
		Map<String, Object> body = resource.createBody(Map.of("external_id", externalId));
		fields.keySet().forEach((field) -> body.put(field, "placeholder-" + field));
		String json = ApiClient.json(body);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			json = json.replace("\"placeholder-" + field.getKey() + "\"", field.getValue());
		}
		return json;
	}

	/**
	 * A create body whose {@code public_metadata.k} is a string of {@code bytes} as is.
	 */
	private static byte[] withMetadataBytes(ApiResource resource, String externalId, int... bytes) {
		String[] around = body(resource, externalId, Map.of("public_metadata", "{\"k\":\"HERE\"}")).split("HERE");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(around[0].getBytes(StandardCharsets.US_ASCII));
		for (int b : bytes) {
			out.write(b);
		}
		out.writeBytes(around[1].getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/** The free-text name field of the resource, shown to people. */
	private static String nameOf(ApiResource resource) {
		return resource.equals(ApiResource.ORGANIZATIONS) ? "name" : "first_name";
	}

}
