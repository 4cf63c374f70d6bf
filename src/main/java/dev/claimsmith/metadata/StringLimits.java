package dev.claimsmith.metadata;

/**
 * The limits of the string-valued {@code metadata} class on one wire: WorkOS's
 * ({@link #WORKOS}: 10 keys, keys 1–40 and values up to 600 printable ASCII characters)
 * or another's, such as Auth0's organization metadata (25 keys, values up to 255).
 *
 * @param printableAscii whether keys and values must be printable ASCII
 */
public record StringLimits(int maxKeys, int maxKeyLength, int maxValueLength, boolean printableAscii) {

	/** API.md "Metadata and external IDs". */
	public static final StringLimits WORKOS = new StringLimits(10, 40, 600, true);

	/**
	 * Auth0's organization metadata: 25 keys, string values of at most 255 characters.
	 */
	public static final StringLimits AUTH0_ORGANIZATION = new StringLimits(25, 255, 255, false);

}
