package dev.claimsmith.user;

import java.util.Optional;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create or update request for a user, validated. On update every field is optional and
 * an absent field stays as it is. Public so that a module creating a user together with
 * something else (a membership) reads the same body and hands it to
 * {@link UserService#create}.
 *
 * @param metadata the metadata classes the request sends
 */
public record UserChanges(Optional<String> email, Optional<String> password, PatchValue<String> firstName,
		PatchValue<String> lastName, Optional<Boolean> emailVerified, PatchValue<String> externalId,
		MetadataChanges metadata) {

	static final int MIN_PASSWORD_LENGTH = 8;

	/**
	 * Argon2 hashes any length, but a megabyte password is only a way to burn our CPU.
	 */
	static final int MAX_PASSWORD_LENGTH = 256;

	static final int MAX_NAME_LENGTH = 255;

	/**
	 * The body of a user create request.
	 * @throws dev.claimsmith.web.ApiException 422 naming every invalid field
	 */
	public static UserChanges forCreate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String email = reader.requiredEmail("email");
		return read(reader, Optional.ofNullable(email));
	}

	/**
	 * A new user with only an email and maybe a password, both checked as on create.
	 */
	static UserChanges withPassword(String email, String password) {
		ObjectNode body = JsonNodeFactory.instance.objectNode().put("email", email);
		if (password != null) {
			body.put("password", password);
		}
		JsonObjectReader reader = JsonObjectReader.of(body);
		return read(reader, Optional.ofNullable(reader.requiredEmail("email")));
	}

	/**
	 * The body of a user update request; every field optional.
	 * @throws dev.claimsmith.web.ApiException 422 naming every invalid field
	 */
	public static UserChanges forUpdate(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		Optional<String> email = reader.optionalEmail("email");
		return read(reader, email);
	}

	/** These changes with {@code metadata} instead of the metadata classes read. */
	public UserChanges withMetadata(MetadataChanges metadata) {
		return new UserChanges(this.email, this.password, this.firstName, this.lastName, this.emailVerified,
				this.externalId, metadata);
	}

	private static UserChanges read(JsonObjectReader reader, Optional<String> email) {
		if (reader.has("password_hash") || reader.has("password_hash_type")) {
			// Silently ignoring an imported hash would create a user who cannot sign in.
			reader.fail("password_hash", "unsupported",
					"Importing password hashes is not supported; send password instead.");
		}
		Optional<String> password = reader.optionalString("password", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
		PatchValue<String> firstName = reader.patchName("first_name", 0, MAX_NAME_LENGTH);
		PatchValue<String> lastName = reader.patchName("last_name", 0, MAX_NAME_LENGTH);
		Optional<Boolean> emailVerified = reader.optionalBoolean("email_verified");
		PatchValue<String> externalId = reader.patchAsciiString("external_id", 1, 64);
		reader.validate();
		MetadataChanges metadata = MetadataChanges.fromRequest(reader, User.METADATA_CLASSES);
		return new UserChanges(email, password, firstName, lastName, emailVerified, externalId, metadata);
	}

}
