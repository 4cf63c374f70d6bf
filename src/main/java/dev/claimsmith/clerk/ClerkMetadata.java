package dev.claimsmith.clerk;

import dev.claimsmith.metadata.MetadataClass;

/**
 * Clerk's names for Claimsmith's metadata classes (API.md "Metadata classes"):
 * {@code private_metadata} is Claimsmith's {@code metadata}; the others keep their names.
 */
final class ClerkMetadata {

	static final String PRIVATE = "private_metadata";

	private ClerkMetadata() {
	}

	/** The class's name on the Clerk wire. */
	static String clerkName(MetadataClass metadataClass) {
		return (metadataClass == MetadataClass.METADATA) ? PRIVATE : metadataClass.field();
	}

	/**
	 * A field or JSON pointer of a Claimsmith error, named as the Clerk client sent it.
	 */
	static String clerkField(String field) {
		if (field == null) {
			return null;
		}
		if (field.equals("role_slug")) {
			return "role";
		}
		if (field.equals("email")) {
			return "email_address";
		}
		if (field.equals("metadata") || field.startsWith("metadata/") || field.startsWith("metadata.")) {
			return PRIVATE + field.substring("metadata".length());
		}
		return field;
	}

	/** A Claimsmith message that names {@code metadata}, in Clerk's words. */
	static String clerkMessage(String message) {
		if (message == null) {
			return null;
		}
		return message.replaceAll("(?<![a-z_])metadata(?=[:/ .]|$)", PRIVATE)
			.replaceAll("(?i)^Metadata (?=(can|value|key))", PRIVATE + " ");
	}

}
