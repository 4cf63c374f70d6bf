package dev.claimsmith.auth0;

import java.util.Set;
import java.util.regex.Pattern;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataUpdate;
import dev.claimsmith.metadata.StringLimits;
import dev.claimsmith.web.PatchValue;
import tools.jackson.databind.JsonNode;

/**
 * Auth0's organization bodies. {@code name} is Auth0's identifier (lower case letters,
 * digits, {@code -} and {@code _}, at most 50); {@code display_name} may be sent but
 * Claimsmith keeps one name, so it must equal {@code name} when both are given, and the
 * stored name when sent alone on update. {@code metadata} takes Auth0's limits (25 keys,
 * string values up to 255) and merges at the top level.
 */
final class Auth0OrganizationRequests {

	private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9_-]{0,48}[a-z0-9])?");

	private static final Set<String> FIELDS = Set.of("name", "display_name", "metadata");

	private static final Set<String> UNSUPPORTED = Set.of("branding", "enabled_connections", "token_quota");

	private Auth0OrganizationRequests() {
	}

	/** A new organization's name and metadata. */
	static Request forCreate(JsonNode body) {
		Request request = read(body);
		if (!request.name().present()) {
			throw Auth0Exception.badRequest("Payload validation error: 'Missing required property: name'.");
		}
		return request;
	}

	static Request forUpdate(JsonNode body) {
		return read(body);
	}

	private static Request read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Auth0Exception.badRequest("Payload validation error: 'Expected type object'.");
		}
		for (String field : body.propertyNames()) {
			if (UNSUPPORTED.contains(field)) {
				throw Auth0Exception.badRequest("'" + field + "' is not supported by Claimsmith.");
			}
			if (!FIELDS.contains(field)) {
				throw Auth0Exception.badRequest(
						"Payload validation error: 'Additional properties not allowed: " + abbreviate(field) + "'.");
			}
		}
		PatchValue<String> name = name(body.get("name"));
		String displayName = displayName(body.get("display_name"));
		if (name.present()) {
			checkDisplayName(displayName, name.value());
		}
		MetadataChanges metadata = MetadataChanges
			.of(MetadataUpdate.partialStrings(body.get("metadata"), StringLimits.AUTH0_ORGANIZATION));
		return new Request(name, displayName, metadata);
	}

	/**
	 * Refuses a {@code display_name} (null when not sent) other than the organization's
	 * {@code name}: the one sent with it, or on an update that sends none, the stored
	 * one.
	 */
	static void checkDisplayName(String displayName, String name) {
		if (displayName != null && !displayName.equals(name)) {
			throw Auth0Exception
				.badRequest("Claimsmith keeps one name per organization: display_name, when sent, must equal name.");
		}
	}

	private static String displayName(JsonNode displayName) {
		if (displayName == null || displayName.isNull()) {
			return null;
		}
		if (!displayName.isString() || displayName.stringValue().isEmpty()
				|| displayName.stringValue().length() > 255) {
			throw Auth0Exception.badRequest("display_name must be a string of 1 to 255 characters.");
		}
		return displayName.stringValue();
	}

	private static PatchValue<String> name(JsonNode name) {
		if (name == null) {
			return PatchValue.absent();
		}
		if (!name.isString() || !NAME.matcher(name.stringValue()).matches()) {
			throw Auth0Exception.badRequest("name must be 1 to 50 lower-case letters, digits, '-' or '_', "
					+ "starting and ending with a letter or digit.");
		}
		return PatchValue.of(name.stringValue());
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

	/**
	 * A request's fields.
	 *
	 * @param displayName null when not sent (or sent as {@code null})
	 */
	record Request(PatchValue<String> name, String displayName, MetadataChanges metadata) {
	}

}
