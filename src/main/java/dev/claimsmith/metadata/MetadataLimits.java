package dev.claimsmith.metadata;

import java.util.Map.Entry;

import dev.claimsmith.web.Ascii;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The limits of API.md "Metadata classes". {@code metadata} keeps the WorkOS rules and
 * names a key as {@code metadata.<key>}; the JSON classes name it by class and JSON
 * pointer ({@code public_metadata/a/b}, RFC 6901). Every violation is an
 * {@link InvalidMetadataException}.
 */
final class MetadataLimits {

	static final int MAX_STRING_KEYS = 10;

	static final int MAX_STRING_KEY_LENGTH = 40;

	static final int MAX_STRING_VALUE_LENGTH = 600;

	private MetadataLimits() {
	}

	/**
	 * The keys and values a request sends for {@code metadata}: string or null values,
	 * WorkOS lengths, at most ten keys.
	 */
	static void checkStringChanges(ObjectNode changes, StringLimits limits) {
		if (changes.size() > limits.maxKeys()) {
			throw InvalidMetadataException.invalid("metadata",
					"Metadata can have at most " + limits.maxKeys() + " keys; " + changes.size() + " were sent.");
		}
		for (Entry<String, JsonNode> entry : changes.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			if (!value.isNull() && !value.isString()) {
				throw stringKey(key, "Metadata value for key '" + printable(key) + "' must be a string or null.");
			}
			checkStringEntry(key, value.isNull() ? null : value.stringValue(), limits);
		}
	}

	/**
	 * The merged {@code metadata}: at most ten keys, whatever their stored types. A
	 * change that adds no key is let through above the limit: another wire (Auth0's
	 * allows 25 keys) or an accepted invitation may have stored more, and such an object
	 * must stay editable, above all by removing keys.
	 */
	static void checkStringCount(ObjectNode result, int currentKeys, StringLimits limits) {
		if (result.size() > limits.maxKeys() && result.size() > currentKeys) {
			throw InvalidMetadataException.invalid("metadata",
					"Metadata can have at most " + limits.maxKeys() + " keys; this would have " + result.size() + ".");
		}
	}

	/**
	 * Keys, depth and numbers of a JSON class's document (a request's or a merged
	 * result); nulls are fine (they delete).
	 */
	static void checkJson(MetadataClass metadataClass, ObjectNode document) {
		checkNode(metadataClass, document, "", 1);
	}

	/** The size of a JSON class's merged result. */
	static void checkSize(MetadataClass metadataClass, ObjectNode result) {
		int bytes = JsonMetadata.JSON.writeValueAsBytes(result).length;
		if (bytes > JsonMetadata.MAX_BYTES) {
			throw InvalidMetadataException.invalid(metadataClass.field(), metadataClass.field() + " can be at most "
					+ JsonMetadata.MAX_BYTES + " bytes as compact UTF-8 JSON; this would be " + bytes + ".");
		}
	}

	private static void checkNode(MetadataClass metadataClass, JsonNode node, String pointer, int depth) {
		if (node.isContainer() && depth > JsonMetadata.MAX_DEPTH) {
			throw json(metadataClass, pointer, metadataClass.field() + " can nest at most " + JsonMetadata.MAX_DEPTH
					+ " levels deep; " + where(pointer) + " is deeper.");
		}
		if (node.isObject()) {
			for (Entry<String, JsonNode> entry : node.properties()) {
				String child = pointer + "/" + escape(entry.getKey());
				checkKey(metadataClass, entry.getKey(), child);
				checkNode(metadataClass, entry.getValue(), child, depth + 1);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkNode(metadataClass, node.get(i), pointer + "/" + i, depth + 1);
			}
		}
		else if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			throw json(metadataClass, pointer, "The number at " + where(pointer) + " is out of range.");
		}
	}

	private static void checkKey(MetadataClass metadataClass, String key, String pointer) {
		int length = key.codePointCount(0, key.length());
		if (length < 1 || length > JsonMetadata.MAX_KEY_LENGTH) {
			throw json(metadataClass, pointer,
					"The key at " + where(pointer) + " must be 1 to " + JsonMetadata.MAX_KEY_LENGTH + " characters.");
		}
		if (key.indexOf('.') >= 0) {
			throw json(metadataClass, pointer, "The key at " + where(pointer) + " must not contain '.'.");
		}
		if (key.startsWith("$")) {
			throw json(metadataClass, pointer, "The key at " + where(pointer) + " must not start with '$'.");
		}
		if (key.codePoints().anyMatch(Character::isISOControl)) {
			throw json(metadataClass, pointer,
					"The key at " + where(pointer) + " must not contain control characters.");
		}
	}

	private static void checkStringEntry(String key, String value, StringLimits limits) {
		if (key.isEmpty() || key.length() > limits.maxKeyLength()) {
			throw stringKey(key, "Metadata key '" + printable(key) + "' must be 1 to " + limits.maxKeyLength()
					+ " characters long.");
		}
		if (limits.printableAscii() && !Ascii.isPrintable(key)) {
			throw stringKey(key, "Metadata key '" + printable(key) + "' must contain only printable ASCII characters.");
		}
		if (value == null) {
			return;
		}
		if (value.length() > limits.maxValueLength()) {
			throw stringKey(key, "Metadata value for key '" + printable(key) + "' must be at most "
					+ limits.maxValueLength() + " characters long.");
		}
		if (limits.printableAscii() && !Ascii.isPrintable(value)) {
			throw stringKey(key, "Metadata value for key '" + key + "' must contain only printable ASCII characters.");
		}
	}

	private static InvalidMetadataException stringKey(String key, String message) {
		return InvalidMetadataException.invalid("metadata." + printable(key), message);
	}

	private static InvalidMetadataException json(MetadataClass metadataClass, String pointer, String message) {
		return InvalidMetadataException.invalid(metadataClass.field() + pointer,
				metadataClass.field() + ": " + message);
	}

	/** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
	private static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

	private static String where(String pointer) {
		return pointer.isEmpty() ? "the top level" : "'" + printable(pointer) + "'";
	}

	/** Keys are echoed in messages; keep control characters and long keys out of them. */
	private static String printable(String key) {
		String shortened = (key.length() > 160) ? key.substring(0, 150) + "…" : key;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

}
