package dev.claimsmith.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

import tools.jackson.databind.JsonNode;

/**
 * The {@code metadata} field of a create or update request, read as WorkOS does: keys
 * present are set, a key set to {@code null} is deleted, {@code {}} deletes every key.
 *
 * @param changes the keys sent, with null for a deletion
 * @param clearsAll whether the request sent {@code {}}
 */
public record MetadataPatch(Map<String, String> changes, boolean clearsAll) {

	/**
	 * Reads and validates the field; null when the request has no {@code metadata}. Keys
	 * and values are checked here, the merged total when applied.
	 */
	public static MetadataPatch from(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			throw InvalidMetadataException.wrongType("metadata", "metadata must be an object.");
		}
		if (node.size() > Metadata.MAX_KEYS) {
			throw Metadata.tooManyKeys(
					"Metadata can have at most " + Metadata.MAX_KEYS + " keys; " + node.size() + " were sent.");
		}
		Map<String, String> changes = new LinkedHashMap<>();
		for (Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (!value.isNull() && !value.isString()) {
				throw Metadata.invalid(entry.getKey(),
						"Metadata value for key '" + entry.getKey() + "' must be a string or null.");
			}
			String text = value.isNull() ? null : value.stringValue();
			Metadata.check(entry.getKey(), text);
			changes.put(entry.getKey(), text);
		}
		return new MetadataPatch(Collections.unmodifiableMap(changes), changes.isEmpty());
	}

	/** The metadata of a new object: the sent keys, nulls ignored. */
	public Metadata toMetadata() {
		return Metadata.empty().apply(this);
	}

}
