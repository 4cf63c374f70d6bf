package dev.claimsmith.clerk;

import java.util.ArrayList;
import java.util.List;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Clerk request body (snake_case JSON, as the SDK sends it), read field by field; a
 * field of the wrong type is a 422 in Clerk's envelope naming it. Unknown fields are
 * ignored, as for options Claimsmith does not model.
 */
final class ClerkBody {

	private final ObjectNode object;

	private ClerkBody(ObjectNode object) {
		this.object = object;
	}

	/** A missing body reads as {@code {}}; anything but an object is a 422. */
	static ClerkBody of(JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return new ClerkBody(JsonNodeFactory.instance.objectNode());
		}
		if (!(body instanceof ObjectNode object)) {
			throw ClerkException.invalidParam("body", "The request body must be a JSON object.");
		}
		return new ClerkBody(object);
	}

	JsonNode node(String field) {
		return this.object.get(field);
	}

	boolean has(String field) {
		return this.object.has(field);
	}

	/** Absent, null or a string of at most {@code max} characters. */
	PatchValue<String> string(String field, int max) {
		JsonNode node = this.object.get(field);
		if (node == null) {
			return PatchValue.absent();
		}
		if (node.isNull()) {
			return PatchValue.of(null);
		}
		if (!node.isString()) {
			throw ClerkException.invalidParam(field, field + " must be a string.");
		}
		if (node.stringValue().length() > max) {
			throw ClerkException.invalidParam(field, field + " must be at most " + max + " characters.");
		}
		return PatchValue.of(node.stringValue());
	}

	String requiredString(String field, int max) {
		String value = string(field, max).value();
		if (value == null || value.isBlank()) {
			throw ClerkException.missingParam(field);
		}
		return value;
	}

	/** A string or an array of strings (Clerk takes both for list parameters). */
	List<String> strings(String field, int maxItems, int maxLength) {
		JsonNode node = this.object.get(field);
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull()) {
			return values;
		}
		if (node.isString()) {
			values.add(node.stringValue());
		}
		else if (node.isArray() && node.size() <= maxItems) {
			for (JsonNode item : node) {
				if (!item.isString()) {
					throw ClerkException.invalidParam(field, field + " must be an array of strings.");
				}
				values.add(item.stringValue());
			}
		}
		else {
			throw ClerkException.invalidParam(field,
					field + " must be a string or an array of at most " + maxItems + " strings.");
		}
		for (String value : values) {
			if (value.length() > maxLength) {
				throw ClerkException.invalidParam(field,
						field + " values must be at most " + maxLength + " characters.");
			}
		}
		return values;
	}

	/** Absent or null, else a whole number of at least 0. */
	Long nonNegativeInteger(String field) {
		JsonNode node = this.object.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
			throw ClerkException.invalidParam(field, field + " must be a whole number of at least 0.");
		}
		return node.longValue();
	}

	/** Absent or null, else a boolean. */
	Boolean bool(String field) {
		JsonNode node = this.object.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isBoolean()) {
			throw ClerkException.invalidParam(field, field + " must be true or false.");
		}
		return node.booleanValue();
	}

	/**
	 * The metadata classes this body sends, in Clerk's names ({@code private_metadata}
	 * for Claimsmith's {@code metadata}), typed JSON.
	 * @param merge whether an RFC 7396 merge patch ({@code PATCH …/metadata}); else each
	 * class sent replaces the stored one whole (create, update, {@code PUT …/metadata})
	 */
	MetadataChanges metadata(boolean merge, MetadataClass... classes) {
		List<MetadataUpdate> updates = new ArrayList<>();
		for (MetadataClass metadataClass : classes) {
			JsonNode node = this.object.get(ClerkMetadata.clerkName(metadataClass));
			updates.add(merge ? MetadataUpdate.typedMergePatch(metadataClass, node)
					: MetadataUpdate.typedReplacement(metadataClass, node));
		}
		return MetadataChanges.of(updates.toArray(MetadataUpdate[]::new));
	}

}
