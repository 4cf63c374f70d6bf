package dev.claimsmith.metadata;

/**
 * Metadata that breaks the limits, or a metadata class field of the wrong type. Names the
 * offending field: the class ({@code metadata}), a string key ({@code metadata.<key>}) or
 * a JSON class's pointer ({@code public_metadata/a/b}); {@link MetadataExceptionHandler}
 * answers it in the contract's error shape.
 */
public final class InvalidMetadataException extends RuntimeException {

	private final String field;

	private final boolean wrongType;

	private InvalidMetadataException(String field, String message, boolean wrongType) {
		super(message, null, false, false);
		this.field = field;
		this.wrongType = wrongType;
	}

	/**
	 * A key, a value or the number of keys out of bounds: 400 {@code invalid_metadata}.
	 */
	static InvalidMetadataException invalid(String field, String message) {
		return new InvalidMetadataException(field, message, false);
	}

	/** A class field that is not an object: 422 {@code invalid_type}. */
	static InvalidMetadataException wrongType(String field, String message) {
		return new InvalidMetadataException(field, message, true);
	}

	public String field() {
		return this.field;
	}

	/** Whether the field is not an object at all, rather than an object out of bounds. */
	public boolean isWrongType() {
		return this.wrongType;
	}

}
