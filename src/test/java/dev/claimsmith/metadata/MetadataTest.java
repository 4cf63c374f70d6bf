package dev.claimsmith.metadata;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void ofWhenWithinEveryLimitThenKeepsEntriesInOrder() {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("z", "");
		entries.put("k".repeat(40), "v".repeat(600));
		entries.put(" ~", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

		assertThat(Metadata.of(entries).asMap()).containsExactlyEntriesOf(entries);
	}

	@Test
	void ofWhenElevenKeysThenInvalidMetadataNamingTheField() {
		Map<String, String> entries = MetadataApiTest.keys("k", 11);

		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> Metadata.of(entries))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isFalse())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("metadata"));
	}

	@Test
	void ofWhenAKeyOrValueBreaksALimitThenInvalidMetadataNamingTheKey() {
		assertInvalid(Map.of("k".repeat(41), "v"), "metadata." + "k".repeat(41));
		assertInvalid(Map.of("", "v"), "metadata.");
		assertInvalid(Map.of("long", "v".repeat(601)), "metadata.long");
		assertInvalid(Map.of("caf\u00e9", "v"), "metadata.caf\u00e9");
		assertInvalid(Map.of("value", "caf\u00e9"), "metadata.value");
		assertInvalid(Map.of("value", "line\nbreak"), "metadata.value");
	}

	@Test
	void keyWithControlCharactersIsNotEchoedRaw() {
		assertThatThrownBy(() -> Metadata.of(Map.of("a\u0000b\nc", "v"))).isInstanceOf(InvalidMetadataException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\u0000", "\n"));
	}

	@Test
	void applyThenSetsOverwritesAndDeletesOnlyTheSentKeys() {
		Metadata current = Metadata.of(Map.of("keep", "1", "change", "2", "drop", "3"));
		Map<String, String> changes = new HashMap<>();
		changes.put("change", "20");
		changes.put("drop", null);
		changes.put("add", "4");
		changes.put("absent", null);

		Metadata next = current.apply(new MetadataPatch(changes, false));
		assertThat(next.asMap()).containsOnly(Map.entry("keep", "1"), Map.entry("change", "20"), Map.entry("add", "4"));
		assertThat(current.asMap()).containsOnlyKeys("keep", "change", "drop");
	}

	@Test
	void applyWhenClearingThenOnlyTheSentKeysRemain() {
		Metadata current = Metadata.of(Map.of("a", "1", "b", "2"));

		assertThat(current.apply(patch("{}")).asMap()).isEmpty();
		assertThat(current.apply(new MetadataPatch(Map.of("c", "3"), true)).asMap()).containsOnlyKeys("c");
	}

	@Test
	void applyWhenTheResultWouldHaveElevenKeysThenInvalid() {
		Metadata ten = Metadata.of(MetadataApiTest.keys("k", 10));

		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> ten.apply(patch("{\"k10\":\"x\"}")));
		assertThat(ten.apply(patch("{\"k0\":null,\"k10\":\"x\"}")).asMap()).hasSize(10).containsKey("k10");
		assertThat(ten.apply(patch("{\"k0\":\"overwritten\"}")).asMap()).hasSize(10);
	}

	@Test
	void asMapIsReadOnly() {
		Map<String, String> map = Metadata.of(Map.of("a", "1")).asMap();

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.put("b", "2"));
	}

	@Test
	void toStringShowsKeysButNeverValues() {
		assertThat(Metadata.of(Map.of("secret", "hunter2"))).hasToString("Metadata[secret]");
	}

	@Test
	void patchFromAbsentFieldIsNullAndFromEmptyObjectClearsAll() {
		assertThat(MetadataPatch.from(null)).isNull();
		assertThat(patch("{}").clearsAll()).isTrue();
		assertThat(patch("{\"a\":null}").clearsAll()).isFalse();
		assertThat(patch("{\"a\":null}").changes()).containsEntry("a", null);
	}

	@Test
	void patchToMetadataIgnoresDeletions() {
		assertThat(patch("{\"a\":\"1\",\"b\":null}").toMetadata().asMap()).containsOnly(Map.entry("a", "1"));
	}

	@Test
	void patchWhenNotAnObjectThen422AndWhenAValueIsNotAStringThenInvalidMetadata() {
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> patch("[]"))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isTrue());
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> patch("null"))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isTrue());
		assertThatExceptionOfType(InvalidMetadataException.class).isThrownBy(() -> patch("{\"n\":1}"))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isFalse())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("metadata.n"));
	}

	private static MetadataPatch patch(String json) {
		return MetadataPatch.from(JSON.readTree(json));
	}

	private static void assertInvalid(Map<String, String> entries, String field) {
		assertThatExceptionOfType(InvalidMetadataException.class).as("%s", entries)
			.isThrownBy(() -> Metadata.of(entries))
			.satisfies((ex) -> assertThat(ex.isWrongType()).isFalse())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
