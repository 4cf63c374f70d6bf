package dev.claimsmith.auth0;

import java.util.Optional;
import java.util.Set;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import dev.claimsmith.user.UserChanges;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

/**
 * Auth0's user bodies read into Claimsmith's {@link UserChanges}. Metadata follows
 * Auth0's rule for {@code PATCH}: merged at the top level only (a key sent replaces its
 * value whole, {@code null} deletes it, {@code {}} clears the class), which is the WorkOS
 * partial update of each class. Fields Auth0 has and Claimsmith cannot keep are refused,
 * never silently dropped.
 */
final class Auth0UserRequests {

	/** Read and used. */
	private static final Set<String> CREATE_FIELDS = Set.of("email", "password", "connection", "given_name",
			"family_name", "email_verified", "app_metadata", "user_metadata");

	/** Accepted and derived or meaningless here (Claimsmith sends no email). */
	private static final Set<String> IGNORED_FIELDS = Set.of("name", "nickname", "verify_email", "client_id");

	/** Auth0 fields with no Claimsmith counterpart. */
	private static final Set<String> UNSUPPORTED_FIELDS = Set.of("user_id", "username", "phone_number",
			"phone_verified", "picture", "blocked", "verify_password");

	static final int MIN_PASSWORD = 8;

	static final int MAX_PASSWORD = 256;

	static final int MAX_NAME = 255;

	private Auth0UserRequests() {
	}

	static UserChanges forCreate(JsonNode body) {
		JsonObjectReader reader = reader(body);
		checkFields(body);
		JsonNode connection = body.get("connection");
		if (connection == null || !connection.isString() || connection.stringValue().isBlank()) {
			throw Auth0Exception.badRequest("Payload validation error: 'Missing required property: connection'.");
		}
		String email = reader.requiredEmail("email");
		return read(reader, body, Optional.ofNullable(email));
	}

	static UserChanges forUpdate(JsonNode body) {
		JsonObjectReader reader = reader(body);
		checkFields(body);
		return read(reader, body, reader.optionalEmail("email"));
	}

	/** The user's own update: {@code user_metadata} and nothing else. */
	static UserChanges forOwnUpdate(JsonNode body) {
		reader(body);
		for (String field : body.propertyNames()) {
			if (!"user_metadata".equals(field)) {
				throw Auth0Exception.forbidden("A user's own token may change user_metadata only, not '"
						+ abbreviate(field) + "'; nothing was written.");
			}
		}
		return new UserChanges(Optional.empty(), Optional.empty(), PatchValue.absent(), PatchValue.absent(),
				Optional.empty(), PatchValue.absent(), MetadataChanges.of(userMetadata(body)));
	}

	private static UserChanges read(JsonObjectReader reader, JsonNode body, Optional<String> email) {
		Optional<String> password = reader.optionalString("password", MIN_PASSWORD, MAX_PASSWORD);
		PatchValue<String> givenName = reader.patchName("given_name", 0, MAX_NAME);
		PatchValue<String> familyName = reader.patchName("family_name", 0, MAX_NAME);
		Optional<Boolean> emailVerified = reader.optionalBoolean("email_verified");
		reader.validate();
		MetadataChanges metadata = MetadataChanges
			.of(MetadataUpdate.partial(MetadataClass.PUBLIC_METADATA, body.get("app_metadata")), userMetadata(body));
		return new UserChanges(email, password, givenName, familyName, emailVerified, PatchValue.absent(), metadata);
	}

	private static MetadataUpdate userMetadata(JsonNode body) {
		return MetadataUpdate.partial(MetadataClass.UNSAFE_METADATA, body.get("user_metadata"));
	}

	private static JsonObjectReader reader(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Auth0Exception.badRequest("Payload validation error: 'Expected type object'.");
		}
		return JsonObjectReader.of(body);
	}

	private static void checkFields(JsonNode body) {
		for (String field : body.propertyNames()) {
			if (UNSUPPORTED_FIELDS.contains(field)) {
				throw Auth0Exception.badRequest("'" + field + "' is not supported by Claimsmith.");
			}
			if (!CREATE_FIELDS.contains(field) && !IGNORED_FIELDS.contains(field)) {
				throw Auth0Exception.badRequest(
						"Payload validation error: 'Additional properties not allowed: " + abbreviate(field) + "'.");
			}
		}
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

}
