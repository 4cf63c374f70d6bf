package dev.claimsmith.metadata;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.databind.JsonNode;

/**
 * The changes a request makes to an object's metadata classes, one {@link MetadataUpdate}
 * per class it sends. Immutable and thread-safe. Read the request before taking the
 * object's row lock; {@link #applyTo} under it.
 */
public final class MetadataChanges {

	/** The media type of a merge-patch body (RFC 7396 §4). */
	public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

	private static final MetadataChanges NONE = new MetadataChanges(Map.of());

	private final Map<MetadataClass, MetadataUpdate> updates;

	private MetadataChanges(Map<MetadataClass, MetadataUpdate> updates) {
		this.updates = updates;
	}

	public static MetadataChanges none() {
		return NONE;
	}

	/**
	 * The classes of a create or update body, each with WorkOS partial semantics; an
	 * absent class stays as it is.
	 * @param classes the classes the object has; other fields are not read here
	 * @throws InvalidMetadataException for a class that is not an object (422) or breaks
	 * its limits (400)
	 */
	public static MetadataChanges fromRequest(JsonObjectReader request, Set<MetadataClass> classes) {
		Map<MetadataClass, MetadataUpdate> updates = new EnumMap<>(MetadataClass.class);
		for (MetadataClass metadataClass : classes) {
			MetadataUpdate update = MetadataUpdate.partial(metadataClass, request.node(metadataClass.field()));
			if (update != null) {
				updates.put(metadataClass, update);
			}
		}
		return of(updates);
	}

	/**
	 * The body of {@code PATCH …/{id}/metadata} ({@code application/merge-patch+json}):
	 * RFC 7396 per class sent.
	 * @param classes the classes the object has; any other field is a 422
	 * @throws dev.claimsmith.web.ApiException 422 for a body that is not an object or has
	 * a field that is not one of {@code classes}
	 * @throws InvalidMetadataException as {@link #fromRequest} does
	 */
	public static MetadataChanges fromMergePatch(JsonNode body, Set<MetadataClass> classes) {
		JsonObjectReader request = JsonObjectReader.of(body);
		for (String field : body.propertyNames()) {
			if (MetadataClass.ofField(field).filter(classes::contains).isEmpty()) {
				request.fail(field, "unknown_field",
						"'" + abbreviate(field) + "' is not a metadata class of this object; " + "it has "
								+ classes.stream().map(MetadataClass::field).collect(Collectors.joining(", ")) + ".");
			}
		}
		request.validate();
		Map<MetadataClass, MetadataUpdate> updates = new EnumMap<>(MetadataClass.class);
		for (MetadataClass metadataClass : classes) {
			MetadataUpdate update = MetadataUpdate.mergePatch(metadataClass, body.get(metadataClass.field()));
			if (update != null) {
				updates.put(metadataClass, update);
			}
		}
		return of(updates);
	}

	/**
	 * Changes built by code rather than read from a request (e.g. an invitation's classes
	 * moving to its membership); null updates are skipped, a later one for the same class
	 * wins.
	 */
	public static MetadataChanges of(MetadataUpdate... updates) {
		Map<MetadataClass, MetadataUpdate> byClass = new EnumMap<>(MetadataClass.class);
		for (MetadataUpdate update : updates) {
			if (update != null) {
				byClass.put(update.metadataClass(), update);
			}
		}
		return of(byClass);
	}

	private static MetadataChanges of(Map<MetadataClass, MetadataUpdate> updates) {
		return updates.isEmpty() ? NONE : new MetadataChanges(Collections.unmodifiableMap(updates));
	}

	/**
	 * The class after these changes: {@code current} itself when the request did not send
	 * the class.
	 * @throws InvalidMetadataException when the merged class would break its limits
	 */
	public JsonMetadata applyTo(MetadataClass metadataClass, JsonMetadata current) {
		MetadataUpdate update = this.updates.get(metadataClass);
		return (update != null) ? update.applyTo(current) : current;
	}

	/** Whether the request sent any metadata class. */
	public boolean isEmpty() {
		return this.updates.isEmpty();
	}

	public boolean changes(MetadataClass metadataClass) {
		return this.updates.containsKey(metadataClass);
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

	@Override
	public String toString() {
		return "MetadataChanges" + this.updates.keySet();
	}

}
