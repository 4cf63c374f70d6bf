package dev.claimsmith.metadata;

import java.util.Optional;

/**
 * The metadata classes of API.md "Metadata classes": who may write and read them differs,
 * and so do their limits. {@link #METADATA} keeps the WorkOS rules (string values, 10
 * keys, 40/600 printable ASCII); the others hold any JSON object within
 * {@link JsonMetadata}'s limits.
 */
public enum MetadataClass {

	/** WorkOS's string metadata; private: read only by the management API. */
	METADATA("metadata"),

	/** Any JSON, readable by the signed-in user. */
	PUBLIC_METADATA("public_metadata"),

	/** Any JSON, writable by the signed-in user: never trust it for authorization. */
	UNSAFE_METADATA("unsafe_metadata"),

	/** Any JSON per membership; private, like {@link #METADATA}. */
	CUSTOM_ATTRIBUTES("custom_attributes");

	private final String field;

	MetadataClass(String field) {
		this.field = field;
	}

	/**
	 * The class's name on the wire and in error pointers, e.g. {@code public_metadata}.
	 */
	public String field() {
		return this.field;
	}

	/** Whether values are limited to the WorkOS string rules. */
	public boolean isStringsOnly() {
		return this == METADATA;
	}

	/** The class named {@code field} on the wire, if any. */
	public static Optional<MetadataClass> ofField(String field) {
		for (MetadataClass metadataClass : values()) {
			if (metadataClass.field.equals(field)) {
				return Optional.of(metadataClass);
			}
		}
		return Optional.empty();
	}

}
