package dev.claimsmith.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import dev.claimsmith.MetadataObject.Attempt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata classes of organizations, users and memberships (API.md "Metadata
 * classes"): typed values, WorkOS partial semantics on POST/PUT, RFC 7396 on
 * {@code PATCH …/metadata}, and the JSON classes' limits, each at its boundary and one
 * past it, on create, update and merge patch alike. A rejected write writes nothing.
 */
@ApiTest
class MetadataClassesApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TYPED = "{\"i\":42,\"big\":12345678901234567890,\"d\":2.5,\"yes\":true,\"no\":false,"
			+ "\"nested\":{\"list\":[1,[\"two\",{\"three\":3}],null],\"s\":\"caf\u00e9 \uD83D\uDE00\"},\"nil\":{\"v\":null}}";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiClient api;

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void createWithTypedJsonThenEveryValueKeepsItsType(MetadataObject object, String metadataClass) {
		Response created = object.create(this.api, Map.of(metadataClass, json(TYPED)));

		assertThat(created.json().get(metadataClass)).isEqualTo(json(TYPED));
		JsonNode reread = this.api.get(object.pathOf(created.field("id"))).json();
		assertThat(reread.get(metadataClass)).isEqualTo(json(TYPED));
		assertThat(reread.at("/" + metadataClass + "/big").isBigInteger()).isTrue();
		assertThat(reread.at("/" + metadataClass + "/d").asDouble()).isEqualTo(2.5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void everyObjectCarriesEveryClassEmptyWhenUnset(MetadataObject object) {
		Response created = object.create(this.api, Map.of());

		for (JsonNode answer : List.of(created.json(), this.api.get(object.pathOf(created.field("id"))).json())) {
			for (String metadataClass : object.classes()) {
				assertThat(answer.get(metadataClass)).as(metadataClass).isEqualTo(json("{}"));
			}
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void putThenTopLevelKeysAreReplacedWholeNullDeletesAbsentKeepsAndEmptyClears(MetadataObject object,
			String metadataClass) {
		String id = object
			.create(this.api, Map.of(metadataClass, json("{\"keep\":1,\"plan\":{\"a\":1,\"b\":2},\"drop\":\"x\"}"),
					"metadata", Map.of("m", "1")))
			.field("id");

		Response updated = this.api.put(object.pathOf(id),
				Map.of(metadataClass, json("{\"plan\":{\"a\":9},\"drop\":null,\"add\":[1,{\"x\":true}]}")));
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.json().get(metadataClass))
			.isEqualTo(json("{\"keep\":1,\"plan\":{\"a\":9},\"add\":[1,{\"x\":true}]}"));
		assertThat(updated.json().get("metadata")).isEqualTo(json("{\"m\":\"1\"}"));

		Response untouched = this.api.put(object.pathOf(id), Map.of("metadata", Map.of("m", "2")));
		assertThat(untouched.json().get(metadataClass)).isEqualTo(updated.json().get(metadataClass));

		Response cleared = this.api.put(object.pathOf(id), Map.of(metadataClass, Map.of()));
		assertThat(cleared.json().get(metadataClass)).isEqualTo(json("{}"));
		assertThat(this.api.get(object.pathOf(id)).json().get("metadata")).isEqualTo(json("{\"m\":\"2\"}"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void mergePatchThenNestedObjectsMergeAndNullDeletesAtAnyDepth(MetadataObject object, String metadataClass) {
		String id = object
			.create(this.api, Map.of(metadataClass, json("{\"keep\":1,\"plan\":{\"a\":1,\"b\":2,\"c\":{\"d\":1}}}")))
			.field("id");

		Response patched = object.mergePatch(this.api, id,
				Map.of(metadataClass, json("{\"plan\":{\"a\":9,\"c\":{\"d\":null,\"e\":[true]}},\"new\":\"n\"}")));

		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.header("Content-Type")).startsWith("application/json");
		JsonNode expected = json("{\"keep\":1,\"plan\":{\"a\":9,\"b\":2,\"c\":{\"e\":[true]}},\"new\":\"n\"}");
		assertThat(patched.json().get(metadataClass)).isEqualTo(expected);
		assertThat(patched.json().get("id").asString()).isEqualTo(id);
		assertThat(this.api.get(object.pathOf(id)).json().get(metadataClass)).isEqualTo(expected);

		assertThat(object.mergePatch(this.api, id, Map.of(metadataClass, Map.of())).json().get(metadataClass))
			.isEqualTo(expected);
		assertThat(object.mergePatch(this.api, id, "{\"" + metadataClass + "\":null}").json().get(metadataClass))
			.isEqualTo(json("{}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void mergePatchOfSeveralClassesAtOnceThenEachIsPatchedAndMetadataKeepsItsRules(MetadataObject object) {
		String id = object.create(this.api, Map.of("metadata", Map.of("a", "1", "b", "2"))).field("id");
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("metadata", json("{\"a\":null,\"c\":\"3\"}"));
		object.classes().stream().skip(1).forEach((name) -> patch.put(name, json("{\"x\":{\"y\":1}}")));

		Response patched = object.mergePatch(this.api, id, patch);

		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.json().get("metadata")).isEqualTo(json("{\"b\":\"2\",\"c\":\"3\"}"));
		object.classes()
			.stream()
			.skip(1)
			.forEach((name) -> assertThat(patched.json().get(name)).isEqualTo(json("{\"x\":{\"y\":1}}")));
		assertRejectedAndUnchanged(object, id, Map.of("metadata", json("{\"n\":{\"deep\":\"x\"}}")), 400,
				"invalid_metadata", "metadata.n");
		assertRejectedAndUnchanged(object, id, Map.of("metadata", json("{\"n\":5}")), 400, "invalid_metadata",
				"metadata.n");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void sizeOfEightKibIsFineAndOneByteMoreIsRejectedNamingTheClass(MetadataObject object, String metadataClass) {
		// {"k":"…"} is 8 bytes around the value; "é" is 2 bytes in UTF-8.
		String atLimit = "\u00e9".repeat(2) + "x".repeat(JsonMetadata.MAX_BYTES - 8 - 4);
		String overLimit = atLimit + "x";

		Response created = object.create(this.api, Map.of(metadataClass, Map.of("k", atLimit)));
		assertThat(created.json().at("/" + metadataClass + "/k").asString()).isEqualTo(atLimit);
		assertCreateRejected(object, Map.of(metadataClass, Map.of("k", overLimit)), metadataClass);
		String id = created.field("id");
		assertRejectedEverywhere(object, id, metadataClass, json("{\"k\":\"" + overLimit + "\"}"), metadataClass);
		// Only the merged result is too large: each half is fine.
		String half = "x".repeat(5000);
		String other = object.create(this.api, Map.of(metadataClass, Map.of("a", half))).field("id");
		assertRejectedAndUnchanged(object, other, Map.of(metadataClass, Map.of("b", half)), 400, "invalid_metadata",
				metadataClass);
		assertThatError(this.api.put(object.pathOf(other), Map.of(metadataClass, Map.of("b", half))))
			.is(400, "invalid_metadata")
			.namesField(metadataClass);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void depthOfTenIsFineAndElevenIsRejectedNamingThePointer(MetadataObject object, String metadataClass) {
		Response created = object.create(this.api, Map.of(metadataClass, json(nested(10))));
		assertThat(created.json().get(metadataClass)).isEqualTo(json(nested(10)));

		String pointer = metadataClass + "/a/a/a/a/a/a/a/a/a/a";
		assertCreateRejected(object, Map.of(metadataClass, json(nested(11))), pointer);
		assertRejectedEverywhere(object, created.field("id"), metadataClass, json(nested(11)), pointer);
		assertCreateRejected(object, Map.of(metadataClass, json("{\"l\":[[[[[[[[[[1]]]]]]]]]]}")),
				metadataClass + "/l/0/0/0/0/0/0/0/0/0");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void keysOfOneAndOneHundredTwentyEightAreFineAndBadKeysAreRejectedNamingThePointer(MetadataObject object,
			String metadataClass) {
		String longest = "k".repeat(128);
		Response created = object.create(this.api,
				Map.of(metadataClass, Map.of("a", Map.of(longest, 1, "b", 2, "a$b", List.of(Map.of("\u00e9", 3))))));
		assertThat(created.json().at("/" + metadataClass + "/a/" + longest).asInt()).isEqualTo(1);
		String id = created.field("id");

		Map<String, String> badKeys = new LinkedHashMap<>();
		badKeys.put(longest + "k", metadataClass + "/a/" + longest + "k");
		badKeys.put("", metadataClass + "/a/");
		badKeys.put("dotted.key", metadataClass + "/a/dotted.key");
		badKeys.put("$where", metadataClass + "/a/$where");
		badKeys.put("tab\there", metadataClass + "/a/tab\there");
		badKeys.put("nul\u0000", metadataClass + "/a/nul\u0000");
		badKeys.put("c1\u0085", metadataClass + "/a/c1\u0085");
		badKeys.forEach((key, pointer) -> {
			JsonNode value = JSON.createObjectNode().set("a", JSON.createObjectNode().put(key, 1));
			assertCreateRejected(object, Map.of(metadataClass, value), pointer);
			assertRejectedEverywhere(object, id, metadataClass, value, pointer);
		});
		JsonNode inArray = json("{\"list\":[0,{\"x/y~z\":{\"bad.key\":1}}]}");
		assertCreateRejected(object, Map.of(metadataClass, inArray), metadataClass + "/list/1/x~1y~0z/bad.key");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#everyClass")
	void classThatIsNotAnObjectIsA422AndWritesNothing(MetadataObject object, String metadataClass) {
		String id = object.create(this.api, Map.of()).field("id");
		for (String value : List.of("5", "\"text\"", "[1]", "true")) {
			Attempt attempt = object.tryCreate(this.api, Map.of(metadataClass, json(value)));
			assertThatError(attempt.response()).is(422, "invalid_request_parameters").namesField(metadataClass);
			assertNothingWritten(object, attempt);
			Response before = this.api.get(object.pathOf(id));
			assertThatError(this.api.put(object.pathOf(id), Map.of(metadataClass, json(value))))
				.is(422, "invalid_request_parameters")
				.namesField(metadataClass);
			assertRejectedAndUnchanged(object, id, Map.of(metadataClass, json(value)), 422,
					"invalid_request_parameters", metadataClass);
			assertThat(this.api.get(object.pathOf(id)).json()).isEqualTo(before.json());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void mergePatchNamingAFieldThatIsNotOneOfTheObjectsClassesIsA422(MetadataObject object) {
		String id = object.create(this.api, Map.of()).field("id");
		List<String> others = new java.util.ArrayList<>(
				List.of("metadata", "public_metadata", "unsafe_metadata", "custom_attributes"));
		others.removeAll(object.classes());
		others.add("name");

		for (String field : others) {
			assertRejectedAndUnchanged(object, id, Map.of(field, Map.of("a", "b")), 422, "invalid_request_parameters",
					field);
		}
		assertRejectedAndUnchanged(object, id, List.of(1), 422, "invalid_request_parameters", "body");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void mergePatchWithAnotherContentTypeIsA415AndChangesNothing(MetadataObject object) {
		String id = object.create(this.api, Map.of()).field("id");
		Response before = this.api.get(object.pathOf(id));
		String body = ApiClient.json(Map.of(object.classes().get(1), Map.of("a", 1)));

		for (String contentType : new String[] { "application/json", "text/plain", "application/json-patch+json",
				null }) {
			Response response = MetadataObject.send(this.api, "PATCH", object.metadataPathOf(id), body, contentType,
					null);
			assertThatError(response).as("%s", contentType)
				.is(415, "unsupported_media_type")
				.messageContains("application/merge-patch+json");
		}
		assertThat(this.api.get(object.pathOf(id)).json()).isEqualTo(before.json());
		Response withCharset = MetadataObject.send(this.api, "PATCH", object.metadataPathOf(id), body,
				"application/merge-patch+json; charset=utf-8", null);
		assertThat(withCharset.status()).as(withCharset.text()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void mergePatchOfAnUnknownObjectIsA404(MetadataObject object) {
		Response response = MetadataObject.send(this.api, "PATCH", object.metadataPathOf("nope_01HXXXXXXXXXXXXXXXXX"),
				"{\"metadata\":{\"a\":\"b\"}}", MetadataObject.MERGE_PATCH, null);

		assertThatError(response).is(404, "entity_not_found");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void metadataStoredWithNonStringValuesIsShownAsCompactJsonTextAndKeepsItsTypeOnUpdate(MetadataObject object) {
		String id = object.create(this.api, Map.of("metadata", Map.of("s", "text"))).field("id");
		// Another wire may store typed values in metadata; plant them as it would.
		this.jdbc.update("UPDATE " + object.table() + " SET metadata = ? WHERE id = ?",
				"{\"s\":\"text\",\"n\":5,\"o\":{\"a\":[1,true]},\"d\":2.50}", id);

		JsonNode shown = this.api.get(object.pathOf(id)).json().get("metadata");
		assertThat(shown).isEqualTo(json("{\"s\":\"text\",\"n\":\"5\",\"o\":\"{\\\"a\\\":[1,true]}\",\"d\":\"2.50\"}"));

		Response updated = this.api.put(object.pathOf(id), Map.of("metadata", Map.of("s", "changed")));
		assertThat(updated.json().at("/metadata/n").asString()).isEqualTo("5");
		String stored = this.jdbc.queryForObject("SELECT metadata FROM " + object.table() + " WHERE id = ?",
				String.class, id);
		assertThat(json(stored)).isEqualTo(json("{\"s\":\"changed\",\"n\":5,\"o\":{\"a\":[1,true]},\"d\":2.50}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void metadataKeepsTheWorkOsLimitsOnEveryObject(MetadataObject object) {
		Map<String, String> ten = MetadataApiTest.keys("k", 10);
		Map<String, String> eleven = MetadataApiTest.keys("k", 11);
		String id = object.create(this.api, Map.of("metadata", ten)).field("id");

		assertCreateRejected(object, Map.of("metadata", eleven), "metadata");
		assertCreateRejected(object, Map.of("metadata", Map.of("n", 1)), "metadata.n");
		assertCreateRejected(object, Map.of("metadata", Map.of("k".repeat(41), "v")), "metadata." + "k".repeat(41));
		assertCreateRejected(object, Map.of("metadata", Map.of("v", "x".repeat(601))), "metadata.v");
		assertRejectedAndUnchanged(object, id, Map.of("metadata", Map.of("k10", "one too many")), 400,
				"invalid_metadata", "metadata");
		assertThat(object.mergePatch(this.api, id, Map.of("metadata", Map.of("k0", "x".repeat(600))))
			.json()
			.at("/metadata/k0")
			.asString()).hasSize(600);
	}

	/**
	 * The write is refused by PUT and by merge patch alike, and the object is unchanged.
	 */
	private void assertRejectedEverywhere(MetadataObject object, String id, String metadataClass, JsonNode value,
			String field) {
		Response before = this.api.get(object.pathOf(id));
		assertThatError(this.api.put(object.pathOf(id), Map.of(metadataClass, value))).is(400, "invalid_metadata")
			.namesField(field);
		assertRejectedAndUnchanged(object, id, Map.of(metadataClass, value), 400, "invalid_metadata", field);
		assertThat(this.api.get(object.pathOf(id)).json()).isEqualTo(before.json());
	}

	private void assertRejectedAndUnchanged(MetadataObject object, String id, Object patch, int status, String code,
			String field) {
		Response before = this.api.get(object.pathOf(id));
		assertThatError(object.mergePatch(this.api, id, patch)).as("PATCH %s", patch)
			.is(status, code)
			.namesField(field);
		Response after = this.api.get(object.pathOf(id));
		assertThat(after.json()).isEqualTo(before.json());
		assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
	}

	private void assertCreateRejected(MetadataObject object, Map<String, ?> fields, String field) {
		Attempt attempt = object.tryCreate(this.api, fields);
		assertThatError(attempt.response()).as("create with %s", field).is(400, "invalid_metadata").namesField(field);
		assertNothingWritten(object, attempt);
	}

	private void assertNothingWritten(MetadataObject object, Attempt attempt) {
		Integer rows = this.jdbc.queryForObject(attempt.countQuery(object.table()), Integer.class, attempt.value());
		assertThat(rows).as("rows written").isZero();
	}

	private static String nested(int levels) {
		return "{\"a\":".repeat(levels - 1) + "{\"leaf\":true" + "}".repeat(levels);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
