package dev.claimsmith.metadata;

import java.util.Map.Entry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to one metadata class, read from a request and checked against the class's
 * limits; {@link #applyTo} checks the merged result too, so every stored class is valid.
 * Immutable and thread-safe.
 * <ul>
 * <li>{@link #partial}: the WorkOS semantics of {@code POST}/{@code PUT}: top-level keys
 * sent are set (their values replaced whole), a key set to {@code null} is deleted,
 * {@code {}} deletes every key.</li>
 * <li>{@link #mergePatch}: RFC 7396 JSON Merge Patch of {@code PATCH …/metadata}: nested
 * objects merge, {@code null} deletes at any depth, {@code {}} changes nothing, and the
 * class set to {@code null} is emptied.</li>
 * <li>{@link #typedMergePatch} and {@link #typedReplacement}: the Clerk wire's
 * {@code PATCH} and {@code PUT …/metadata}, where every class, {@code metadata}
 * ({@code private_metadata}) included, is typed JSON within the JSON classes' limits
 * (API.md "Clerk Backend API compatibility").</li>
 * </ul>
 */
public final class MetadataUpdate {

	private final MetadataClass metadataClass;

	private final boolean mergePatch;

	/** Replaces the class whole (the Clerk wire's {@code PUT …/metadata}). */
	private final boolean replacement;

	/** Any JSON within the JSON classes' limits, whatever the class. */
	private final boolean typed;

	/** Null for a merge patch that empties the class. */
	private final ObjectNode document;

	private final StringLimits stringLimits;

	private MetadataUpdate(MetadataClass metadataClass, boolean mergePatch, ObjectNode document) {
		this(metadataClass, mergePatch, false, false, document, StringLimits.WORKOS);
	}

	private MetadataUpdate(MetadataClass metadataClass, boolean mergePatch, boolean replacement, boolean typed,
			ObjectNode document) {
		this(metadataClass, mergePatch, replacement, typed, document, StringLimits.WORKOS);
	}

	private MetadataUpdate(MetadataClass metadataClass, boolean mergePatch, ObjectNode document,
			StringLimits stringLimits) {
		this(metadataClass, mergePatch, false, false, document, stringLimits);
	}

	private MetadataUpdate(MetadataClass metadataClass, boolean mergePatch, boolean replacement, boolean typed,
			ObjectNode document, StringLimits stringLimits) {
		this.metadataClass = metadataClass;
		this.mergePatch = mergePatch;
		this.replacement = replacement;
		this.typed = typed;
		this.document = document;
		this.stringLimits = stringLimits;
	}

	/**
	 * Like {@link #partial} for {@code metadata}, under another wire's string limits
	 * (checked on the request and on the merged result).
	 * @throws InvalidMetadataException as {@link #partial} does
	 */
	public static MetadataUpdate partialStrings(JsonNode field, StringLimits limits) {
		if (field == null) {
			return null;
		}
		if (!(field instanceof ObjectNode object)) {
			throw InvalidMetadataException.wrongType(MetadataClass.METADATA.field(), "metadata must be an object.");
		}
		MetadataLimits.checkStringChanges(object, limits);
		return new MetadataUpdate(MetadataClass.METADATA, false, object.deepCopy(), limits);
	}

	/**
	 * RFC 7396 merge patch of the class with typed JSON values whatever the class (the
	 * Clerk wire); null when the field is absent, a {@code null} field empties the class.
	 * @throws InvalidMetadataException when the field is not an object (422) or breaks
	 * the JSON classes' limits (400)
	 */
	public static MetadataUpdate typedMergePatch(MetadataClass metadataClass, JsonNode field) {
		if (field == null) {
			return null;
		}
		if (field.isNull()) {
			return new MetadataUpdate(metadataClass, true, false, true, null);
		}
		return new MetadataUpdate(metadataClass, true, false, true, typedChecked(metadataClass, field));
	}

	/**
	 * As {@link #partial}, but typed JSON within the JSON classes' limits whatever the
	 * class: for values already stored by a wire that allows them (an invitation's
	 * classes moving to its membership).
	 * @throws InvalidMetadataException as {@link #typedMergePatch} does
	 */
	public static MetadataUpdate typedPartial(MetadataClass metadataClass, JsonNode field) {
		if (field == null) {
			return null;
		}
		return new MetadataUpdate(metadataClass, false, false, true, typedChecked(metadataClass, field));
	}

	/**
	 * The class replaced whole by {@code field}, typed JSON whatever the class (the Clerk
	 * wire); null when absent, a {@code null} field empties the class (a class is always
	 * an object here).
	 * @throws InvalidMetadataException as {@link #typedMergePatch} does
	 */
	public static MetadataUpdate typedReplacement(MetadataClass metadataClass, JsonNode field) {
		if (field == null) {
			return null;
		}
		if (field.isNull()) {
			return new MetadataUpdate(metadataClass, false, true, true, null);
		}
		return new MetadataUpdate(metadataClass, false, true, true, typedChecked(metadataClass, field));
	}

	/**
	 * The class's field of a create or update request; null when the field is absent.
	 * @throws InvalidMetadataException when the field is not an object (422) or a key or
	 * value breaks the class's limits (400)
	 */
	public static MetadataUpdate partial(MetadataClass metadataClass, JsonNode field) {
		if (field == null) {
			return null;
		}
		return new MetadataUpdate(metadataClass, false, checked(metadataClass, field));
	}

	/**
	 * The class's field of a merge-patch request; null when the field is absent.
	 * @throws InvalidMetadataException as {@link #partial} does
	 */
	public static MetadataUpdate mergePatch(MetadataClass metadataClass, JsonNode field) {
		if (field == null) {
			return null;
		}
		if (field.isNull()) {
			return new MetadataUpdate(metadataClass, true, null);
		}
		return new MetadataUpdate(metadataClass, true, checked(metadataClass, field));
	}

	public MetadataClass metadataClass() {
		return this.metadataClass;
	}

	/**
	 * The class after this change; {@code current} is unchanged.
	 * @throws InvalidMetadataException when the result would break the class's limits
	 * (too large, or more keys than allowed where it adds keys)
	 */
	public JsonMetadata applyTo(JsonMetadata current) {
		ObjectNode result = merged(current.node());
		if (this.metadataClass.isStringsOnly() && !this.typed) {
			MetadataLimits.checkStringCount(result, current.node().size(), this.stringLimits);
		}
		else {
			MetadataLimits.checkJson(this.metadataClass, result);
			MetadataLimits.checkSize(this.metadataClass, result);
		}
		return JsonMetadata.adopt(result);
	}

	private ObjectNode merged(ObjectNode current) {
		if (this.document == null) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (this.mergePatch) {
			return (ObjectNode) JsonMergePatch.apply(current, this.document);
		}
		if (this.replacement) {
			return withoutNulls(this.document);
		}
		ObjectNode result = this.document.isEmpty() ? JsonNodeFactory.instance.objectNode() : current.deepCopy();
		for (Entry<String, JsonNode> entry : this.document.properties()) {
			if (entry.getValue().isNull()) {
				result.remove(entry.getKey());
			}
			else {
				result.set(entry.getKey(), entry.getValue().deepCopy());
			}
		}
		return result;
	}

	/**
	 * A replacement keeps no {@code null} member at any depth, as a merge patch would
	 * not.
	 */
	private static ObjectNode withoutNulls(ObjectNode document) {
		return (ObjectNode) JsonMergePatch.apply(JsonNodeFactory.instance.objectNode(), document);
	}

	private static ObjectNode typedChecked(MetadataClass metadataClass, JsonNode field) {
		if (!(field instanceof ObjectNode object)) {
			throw InvalidMetadataException.wrongType(metadataClass.field(),
					metadataClass.field() + " must be an object.");
		}
		MetadataLimits.checkJson(metadataClass, object);
		return object.deepCopy();
	}

	private static ObjectNode checked(MetadataClass metadataClass, JsonNode field) {
		if (!(field instanceof ObjectNode object)) {
			throw InvalidMetadataException.wrongType(metadataClass.field(),
					metadataClass.field() + " must be an object.");
		}
		if (metadataClass.isStringsOnly()) {
			MetadataLimits.checkStringChanges(object, StringLimits.WORKOS);
		}
		else {
			MetadataLimits.checkJson(metadataClass, object);
		}
		return object.deepCopy();
	}

	@Override
	public String toString() {
		return "MetadataUpdate[" + this.metadataClass.field() + (this.mergePatch ? ", merge patch" : "")
				+ (this.replacement ? ", replacement" : "") + (this.typed ? ", typed]" : "]");
	}

}
