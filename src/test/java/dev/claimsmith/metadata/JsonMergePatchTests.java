package dev.claimsmith.metadata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7396 Appendix A, every example, and that neither input is changed. */
class JsonMergePatchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0} + {1} = {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"a":"b"}                | {"a":"c"}              | {"a":"c"}
			{"a":"b"}                | {"b":"c"}              | {"a":"b","b":"c"}
			{"a":"b"}                | {"a":null}             | {}
			{"a":"b","b":"c"}        | {"a":null}             | {"b":"c"}
			{"a":["b"]}              | {"a":"c"}              | {"a":"c"}
			{"a":"c"}                | {"a":["b"]}            | {"a":["b"]}
			{"a":{"b":"c"}}          | {"a":{"b":"d","c":null}} | {"a":{"b":"d"}}
			{"a":[{"b":"c"}]}        | {"a":[1]}              | {"a":[1]}
			["a","b"]                | ["c","d"]              | ["c","d"]
			{"a":"b"}                | ["c"]                  | ["c"]
			{"a":"foo"}              | null                   | null
			{"a":"foo"}              | "bar"                  | "bar"
			{"e":null}               | {"a":1}                | {"e":null,"a":1}
			[1,2]                    | {"a":"b","c":null}     | {"a":"b"}
			{}                       | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
			""")
	void applyThenAsRfc7396AppendixA(String target, String patch, String expected) {
		JsonNode targetNode = JSON.readTree(target);
		JsonNode patchNode = JSON.readTree(patch);

		JsonNode result = JsonMergePatch.apply(targetNode, patchNode);

		assertThat(result).isEqualTo(JSON.readTree(expected));
		assertThat(targetNode).as("target unchanged").isEqualTo(JSON.readTree(target));
		assertThat(patchNode).as("patch unchanged").isEqualTo(JSON.readTree(patch));
	}

	@ParameterizedTest(name = "{0} + {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"a":{"b":1}}     | {"a":{"c":2}}
			{"a":{"b":[1]}}   | {"a":{"b":[2]}}
			""")
	void applyThenResultSharesNoNodeWithItsInputs(String target, String patch) {
		JsonNode targetNode = JSON.readTree(target);
		JsonNode patchNode = JSON.readTree(patch);

		JsonNode result = JsonMergePatch.apply(targetNode, patchNode);
		((tools.jackson.databind.node.ObjectNode) result.get("a")).put("mutated", true);

		assertThat(targetNode).isEqualTo(JSON.readTree(target));
		assertThat(patchNode).isEqualTo(JSON.readTree(patch));
	}

}
