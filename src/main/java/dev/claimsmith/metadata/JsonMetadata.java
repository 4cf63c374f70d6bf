package dev.claimsmith.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of one metadata class: a JSON object whose values keep their JSON types.
 * Immutable and thread-safe; instances come from {@link MetadataUpdate} (validated for
 * their class) or from storage ({@link #fromStored}, trusted). Serializes as the JSON
 * object itself and is stored as its compact JSON text.
 */
public final class JsonMetadata {

	/** Largest compact UTF-8 JSON text of a class (API.md "Metadata classes"). */
	public static final int MAX_BYTES = 8 * 1024;

	/** Deepest nesting of a class: the class object itself is depth 1. */
	public static final int MAX_DEPTH = 10;

	public static final int MAX_KEY_LENGTH = 128;

	static final JsonMapper JSON = JsonMapper.builder().build();

	// Decimals read exactly as stored, so a value another wire wrote is not rounded.
	private static final JsonMapper STORED = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final JsonMetadata EMPTY = new JsonMetadata(JsonNodeFactory.instance.objectNode(), "{}");

	private final ObjectNode object;

	private final String text;

	private JsonMetadata(ObjectNode object, String text) {
		this.object = object;
		this.text = text;
	}

	public static JsonMetadata empty() {
		return EMPTY;
	}

	/**
	 * The class as stored (its compact JSON text), not validated again: it was when
	 * written. {@code null} or {@code {}} reads as empty.
	 * @throws IllegalArgumentException when the text is not a JSON object
	 */
	public static JsonMetadata fromStored(String json) {
		if (json == null || "{}".equals(json)) {
			return EMPTY;
		}
		JsonNode node = STORED.readTree(json);
		if (!(node instanceof ObjectNode object)) {
			throw new IllegalArgumentException("A stored metadata class must be a JSON object");
		}
		return new JsonMetadata(object, json);
	}

	/** A validated result; {@code object} is owned by the new instance. */
	static JsonMetadata adopt(ObjectNode object) {
		return object.isEmpty() ? EMPTY : new JsonMetadata(object, JSON.writeValueAsString(object));
	}

	/** Its compact JSON text, as stored. */
	public String toJson() {
		return this.text;
	}

	public boolean isEmpty() {
		return this.object.isEmpty();
	}

	/** A copy of the JSON object: changing it changes nothing here. */
	public ObjectNode json() {
		return this.object.deepCopy();
	}

	/**
	 * The entries as the WorkOS wire shows {@code metadata}: a string value as itself,
	 * any other value (written by another wire) as its compact JSON text. Read-only, in
	 * stored order.
	 */
	public Map<String, String> asStrings() {
		Map<String, String> strings = new LinkedHashMap<>();
		for (Entry<String, JsonNode> entry : this.object.properties()) {
			JsonNode value = entry.getValue();
			strings.put(entry.getKey(), value.isString() ? value.stringValue() : JSON.writeValueAsString(value));
		}
		return Collections.unmodifiableMap(strings);
	}

	/** The live object, for this package and for serialization only: never mutate it. */
	@JsonValue
	ObjectNode node() {
		return this.object;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof JsonMetadata metadata) && this.text.equals(metadata.text);
	}

	@Override
	public int hashCode() {
		return this.text.hashCode();
	}

	/** Keys only: values may be secrets. */
	@Override
	public String toString() {
		return "JsonMetadata" + this.object.propertyNames();
	}

}
