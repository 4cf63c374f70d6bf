package dev.claimsmith.metadata;

import java.util.Map.Entry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7396 JSON Merge Patch: nested objects merge, {@code null} deletes at any depth,
 * anything else replaces. Pure: neither argument is changed, and the result shares no
 * node with them.
 */
final class JsonMergePatch {

	private JsonMergePatch() {
	}

	/** RFC 7396 §2 {@code MergePatch(Target, Patch)}; a null target is absent. */
	static JsonNode apply(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch.deepCopy();
		}
		ObjectNode result = (target != null && target.isObject()) ? (ObjectNode) target.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Entry<String, JsonNode> entry : patch.properties()) {
			if (entry.getValue().isNull()) {
				result.remove(entry.getKey());
			}
			else {
				result.set(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
			}
		}
		return result;
	}

}
