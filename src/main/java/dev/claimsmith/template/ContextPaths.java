package dev.claimsmith.template;

import java.util.List;

/**
 * The allow-list of context paths a template may read, as {@link ClaimsContextSchema}
 * declares them. Anything else (a typo, a password hash, an internal column) is refused
 * when the template is compiled, not when a token is minted.
 */
final class ContextPaths {

	private ContextPaths() {
	}

	static boolean isAllowed(List<String> segments) {
		return ClaimsContextSchema.get().isAllowed(segments);
	}

	/**
	 * {@code user.metadata.seats}, {@code organization_membership.custom_attributes.a.b}:
	 * a key inside a metadata class, which may legitimately be missing.
	 */
	static boolean isMetadataKey(List<String> segments) {
		return segments.size() >= 3 && ClaimsContextSchema.get()
			.fieldOf(segments)
			.map((field) -> field.type() == ClaimsContextSchema.Type.JSON_OBJECT)
			.orElse(false);
	}

	/** {@code user.unsafe_metadata…}: a value the signed-in user can write. */
	static boolean isUserWritable(List<String> segments) {
		return ClaimsContextSchema.get()
			.fieldOf(segments)
			.map((field) -> field.visibility() == ClaimsContextSchema.Visibility.USER_WRITABLE)
			.orElse(false);
	}

	static boolean isIndex(String segment) {
		return ClaimsContextSchema.isIndex(segment);
	}

}
