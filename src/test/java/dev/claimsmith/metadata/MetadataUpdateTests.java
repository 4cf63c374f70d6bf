package dev.claimsmith.metadata;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Partial and merge-patch semantics and every limit of a JSON class, at its boundary. */
class MetadataUpdateTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void partialThenSetsTopLevelKeysWholeDeletesNullsAndKeepsTheRest() {
		JsonMetadata current = stored("{\"keep\":1,\"plan\":{\"seats\":3,\"tier\":\"gold\"},\"drop\":true}");

		JsonMetadata next = partial(MetadataClass.PUBLIC_METADATA,
				"{\"plan\":{\"seats\":4},\"drop\":null,\"new\":[1,[2]]}")
			.applyTo(current);

		assertThat(next.toJson()).isEqualTo("{\"keep\":1,\"plan\":{\"seats\":4},\"new\":[1,[2]]}");
		assertThat(current.toJson()).contains("gold");
	}

	@Test
	void partialWithEmptyObjectClearsAndMergePatchWithEmptyObjectChangesNothing() {
		JsonMetadata current = stored("{\"a\":1}");

		assertThat(partial(MetadataClass.PUBLIC_METADATA, "{}").applyTo(current).isEmpty()).isTrue();
		assertThat(mergePatch(MetadataClass.PUBLIC_METADATA, "{}").applyTo(current)).isEqualTo(current);
		assertThat(mergePatch(MetadataClass.PUBLIC_METADATA, "null").applyTo(current).isEmpty()).isTrue();
	}

	@Test
	void mergePatchThenMergesNestedObjectsAndDeletesAtAnyDepth() {
		JsonMetadata current = stored("{\"plan\":{\"seats\":3,\"tier\":\"gold\",\"flags\":{\"x\":true}}}");

		JsonMetadata next = mergePatch(MetadataClass.PUBLIC_METADATA, "{\"plan\":{\"seats\":4,\"flags\":{\"x\":null}}}")
			.applyTo(current);

		assertThat(next.toJson()).isEqualTo("{\"plan\":{\"seats\":4,\"tier\":\"gold\",\"flags\":{}}}");
	}

	@Test
	void metadataKeepsTheWorkOsRulesInBothModes() {
		assertInvalid(() -> partial(MetadataClass.METADATA, "{\"n\":1}"), "metadata.n");
		assertInvalid(() -> mergePatch(MetadataClass.METADATA, "{\"n\":{\"deep\":\"x\"}}"), "metadata.n");
		assertInvalid(() -> partial(MetadataClass.METADATA, "{\"" + "k".repeat(41) + "\":\"v\"}"),
				"metadata." + "k".repeat(41));
		assertThat(mergePatch(MetadataClass.METADATA, "{\"a\":\"b\"}").applyTo(JsonMetadata.empty()).toJson())
			.isEqualTo("{\"a\":\"b\"}");
	}

	@Test
	void metadataOfTenKeysTakesNoEleventhButMoreStoredByAnotherWireStayEditable() {
		JsonMetadata ten = stored(keys(10));
		assertInvalid(() -> partial(MetadataClass.METADATA, "{\"k10\":\"v\"}").applyTo(ten), "metadata");

		JsonMetadata thirteen = stored(keys(13));
		assertThat(partial(MetadataClass.METADATA, "{\"k0\":null}").applyTo(thirteen).node().size()).isEqualTo(12);
		assertThat(
				partial(MetadataClass.METADATA, "{\"k1\":\"changed\"}").applyTo(thirteen).node().get("k1").asString())
			.isEqualTo("changed");
		assertThat(partial(MetadataClass.METADATA, "{\"k0\":null,\"new\":\"v\"}").applyTo(thirteen).node().size())
			.as("one out, one in: no more keys than before")
			.isEqualTo(13);
		assertInvalid(() -> partial(MetadataClass.METADATA, "{\"new\":\"v\"}").applyTo(thirteen), "metadata");
		assertInvalid(() -> mergePatch(MetadataClass.METADATA, "{\"new\":\"v\"}").applyTo(thirteen), "metadata");
	}

	@Test
	void metadataWithStoredTypedValuesShowsThemAsCompactJsonText() {
		JsonMetadata stored = stored("{\"n\":5,\"o\":{\"a\":[1, 2.50]},\"s\":\"x\",\"b\":false}");

		assertThat(stored.asStrings()).containsExactly(Map.entry("n", "5"), Map.entry("o", "{\"a\":[1,2.50]}"),
				Map.entry("s", "x"), Map.entry("b", "false"));
	}

	@Test
	void sizeOfEightKibIsFineAndOneByteMoreIsInvalidNamingTheClass() {
		// {"k":"…"} is 8 bytes around the value.
		String atLimit = "{\"k\":\"" + "x".repeat(JsonMetadata.MAX_BYTES - 8) + "\"}";
		String overLimit = "{\"k\":\"" + "x".repeat(JsonMetadata.MAX_BYTES - 7) + "\"}";

		assertThat(partial(MetadataClass.PUBLIC_METADATA, atLimit).applyTo(JsonMetadata.empty()).toJson())
			.hasSize(8192);
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, overLimit).applyTo(JsonMetadata.empty()),
				"public_metadata");
	}

	@Test
	void sizeCountsUtf8BytesNotCharacters() {
		// "é" is two bytes in UTF-8.
		String overLimit = "{\"k\":\"" + "\u00e9".repeat(JsonMetadata.MAX_BYTES / 2 - 3) + "\"}";

		assertInvalid(() -> partial(MetadataClass.CUSTOM_ATTRIBUTES, overLimit).applyTo(JsonMetadata.empty()),
				"custom_attributes");
	}

	@Test
	void depthOfTenIsFineAndElevenIsInvalidNamingThePointer() {
		assertThat(partial(MetadataClass.PUBLIC_METADATA, nested(10)).applyTo(JsonMetadata.empty()).isEmpty())
			.isFalse();
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, nested(11)), "public_metadata/a/a/a/a/a/a/a/a/a/a");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"l\":[[[[[[[[[[1]]]]]]]]]]}"),
				"public_metadata/l/0/0/0/0/0/0/0/0/0");
	}

	@Test
	void mergedResultOverEightKibIsInvalidEvenWhenThePatchIsNot() {
		JsonMetadata current = stored("{\"a\":\"" + "x".repeat(5000) + "\"}");

		assertInvalid(() -> mergePatch(MetadataClass.PUBLIC_METADATA, "{\"b\":\"" + "y".repeat(5000) + "\"}")
			.applyTo(current), "public_metadata");
	}

	@Test
	void keysOfOneAndOneHundredTwentyEightAreFineAndEveryBadKeyIsInvalidNamingItsPointer() {
		String longest = "k".repeat(128);
		assertThat(
				partial(MetadataClass.PUBLIC_METADATA, "{\"x\":{\"" + longest + "\":1}}").applyTo(JsonMetadata.empty())
					.toJson())
			.contains(longest);
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"x\":{\"" + longest + "k\":1}}"),
				"public_metadata/x/" + longest + "k");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"x\":{\"\":1}}"), "public_metadata/x/");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"a\":{\"b.c\":1}}"), "public_metadata/a/b.c");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"$set\":1}"), "public_metadata/$set");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"a\":[{\"t\\tb\":1}]}"),
				"public_metadata/a/0/t\tb");
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"a/b~c\":{\"\\u0000\":1}}"),
				"public_metadata/a~1b~0c/\u0000");
		assertThat(partial(MetadataClass.PUBLIC_METADATA, "{\"a$\":{\"caf\u00e9 \uD83D\uDE00\":1}}")
			.applyTo(JsonMetadata.empty())
			.toJson()).contains("caf\u00e9");
	}

	@Test
	void invalidKeyInAMergePatchDeletionIsRefusedToo() {
		assertInvalid(() -> mergePatch(MetadataClass.PUBLIC_METADATA, "{\"a.b\":null}"), "public_metadata/a.b");
	}

	@Test
	void classThatIsNotAnObjectIsAWrongType() {
		for (String field : new String[] { "5", "\"x\"", "[1]", "true" }) {
			assertThatExceptionOfType(InvalidMetadataException.class)
				.isThrownBy(() -> partial(MetadataClass.PUBLIC_METADATA, field))
				.satisfies((ex) -> assertThat(ex.isWrongType()).isTrue())
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("public_metadata"));
		}
		assertThatExceptionOfType(InvalidMetadataException.class)
			.isThrownBy(() -> partial(MetadataClass.PUBLIC_METADATA, "null"))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isTrue());
	}

	@Test
	void numberBeyondDoubleRangeIsInvalidRatherThanStoredAsInfinity() {
		assertInvalid(() -> partial(MetadataClass.PUBLIC_METADATA, "{\"a\":{\"big\":1e400}}"), "public_metadata/a/big");
	}

	@Test
	void typedValuesSurviveStorage() {
		String json = "{\"i\":9007199254740993,\"d\":0.1,\"b\":true,\"o\":{\"n\":null},\"a\":[1,[\"x\",{\"y\":false}]]}";

		JsonMetadata written = partial(MetadataClass.PUBLIC_METADATA, json).applyTo(JsonMetadata.empty());

		assertThat(JSON.readTree(JsonMetadata.fromStored(written.toJson()).toJson())).isEqualTo(JSON.readTree(json));
	}

	@Test
	void changesBuiltFromUpdatesApplyEachToItsClassOnly() {
		JsonMetadata current = stored("{\"a\":1}");
		MetadataChanges changes = MetadataChanges.of(mergePatch(MetadataClass.PUBLIC_METADATA, "{\"b\":{\"c\":2}}"),
				null, partial(MetadataClass.METADATA, "{\"s\":\"t\"}"));

		assertThat(changes.applyTo(MetadataClass.PUBLIC_METADATA, current).toJson())
			.isEqualTo("{\"a\":1,\"b\":{\"c\":2}}");
		assertThat(changes.applyTo(MetadataClass.METADATA, JsonMetadata.empty()).asStrings()).containsEntry("s", "t");
		assertThat(changes.applyTo(MetadataClass.CUSTOM_ATTRIBUTES, current)).isSameAs(current);
		assertThat(MetadataChanges.of().isEmpty()).isTrue();
	}

	@Test
	void jsonIsACopy() {
		JsonMetadata metadata = stored("{\"a\":1}");

		metadata.json().put("b", 2);

		assertThat(metadata.toJson()).isEqualTo("{\"a\":1}");
	}

	@Test
	void toStringShowsKeysButNeverValues() {
		assertThat(stored("{\"secret\":\"hunter2\"}").toString()).contains("secret").doesNotContain("hunter2");
	}

	private static String nested(int levels) {
		return "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
	}

	private static JsonMetadata stored(String json) {
		return JsonMetadata.fromStored(json);
	}

	private static MetadataUpdate partial(MetadataClass metadataClass, String json) {
		return MetadataUpdate.partial(metadataClass, node(json));
	}

	private static MetadataUpdate mergePatch(MetadataClass metadataClass, String json) {
		return MetadataUpdate.mergePatch(metadataClass, node(json));
	}

	private static String keys(int count) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			json.append((i > 0) ? "," : "").append("\"k").append(i).append("\":\"v\"");
		}
		return json.append('}').toString();
	}

	private static JsonNode node(String json) {
		return JSON.readTree(json);
	}

	private static void assertInvalid(Runnable update, String field) {
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(update::run)
			.satisfies((ex) -> assertThat(ex.isWrongType()).isFalse())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
