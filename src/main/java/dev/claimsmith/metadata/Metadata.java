package dev.claimsmith.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.claimsmith.web.Ascii;

/**
 * Up to ten string key/value pairs attached to a user or an organization (the WorkOS
 * limits: key 1–40, value at most 600 characters, both printable ASCII). Immutable; every
 * instance is valid. Serializes as a plain JSON object.
 */
public final class Metadata {

	public static final int MAX_KEYS = 10;

	public static final int MAX_KEY_LENGTH = 40;

	public static final int MAX_VALUE_LENGTH = 600;

	private static final Metadata EMPTY = new Metadata(Map.of());

	private final Map<String, String> entries;

	private Metadata(Map<String, String> entries) {
		this.entries = entries;
	}

	public static Metadata empty() {
		return EMPTY;
	}

	/**
	 * Validated metadata; a violation is an {@link InvalidMetadataException} naming the
	 * key.
	 */
	public static Metadata of(Map<String, String> entries) {
		if (entries.size() > MAX_KEYS) {
			throw tooManyKeys(
					"Metadata can have at most " + MAX_KEYS + " keys; this would have " + entries.size() + ".");
		}
		entries.forEach(Metadata::check);
		return entries.isEmpty() ? EMPTY : new Metadata(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
	}

	/** The entries as a read-only map in insertion order. */
	@JsonValue
	public Map<String, String> asMap() {
		return this.entries;
	}

	/**
	 * Applies a partial update: set keys overwrite, null values delete, a clear empties
	 * first.
	 */
	public Metadata apply(MetadataPatch patch) {
		Map<String, String> merged = new LinkedHashMap<>(patch.clearsAll() ? Map.of() : this.entries);
		patch.changes().forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else {
				merged.put(key, value);
			}
		});
		return of(merged);
	}

	static void check(String key, String value) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			throw invalid(key,
					"Metadata key '" + printable(key) + "' must be 1 to " + MAX_KEY_LENGTH + " characters long.");
		}
		if (!Ascii.isPrintable(key)) {
			throw invalid(key, "Metadata key '" + printable(key) + "' must contain only printable ASCII characters.");
		}
		if (value == null) {
			return;
		}
		if (value.length() > MAX_VALUE_LENGTH) {
			throw invalid(key,
					"Metadata value for key '" + key + "' must be at most " + MAX_VALUE_LENGTH + " characters long.");
		}
		if (!Ascii.isPrintable(value)) {
			throw invalid(key, "Metadata value for key '" + key + "' must contain only printable ASCII characters.");
		}
	}

	/** Names the whole {@code metadata} field, which no key can be confused with. */
	static InvalidMetadataException tooManyKeys(String message) {
		return InvalidMetadataException.invalid("metadata", message);
	}

	/** Names the offending key as {@code metadata.<key>}. */
	static InvalidMetadataException invalid(String key, String message) {
		return InvalidMetadataException.invalid("metadata." + printable(key), message);
	}

	/** Keys are echoed in messages; keep control characters out of them. */
	private static String printable(String key) {
		String shortened = (key.length() > MAX_KEY_LENGTH + 10) ? key.substring(0, MAX_KEY_LENGTH) + "…" : key;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Metadata metadata) && this.entries.equals(metadata.entries);
	}

	@Override
	public int hashCode() {
		return this.entries.hashCode();
	}

	@Override
	public String toString() {
		return "Metadata" + this.entries.keySet();
	}

}
