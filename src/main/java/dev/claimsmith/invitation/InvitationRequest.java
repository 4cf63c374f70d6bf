package dev.claimsmith.invitation;

import java.nio.charset.StandardCharsets;

import dev.claimsmith.metadata.Metadata;
import dev.claimsmith.metadata.MetadataPatch;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated invitation create request.
 *
 * @param organizationId null for an invitation to the application only
 * @param roleSlug null without organization (the organization's invitations default to
 * the configured default role, filled in by the service)
 * @param inviterUserId null when not given
 * @param publicMetadata compact JSON text of an object
 */
record InvitationRequest(String email, String organizationId, String roleSlug, int expiresInDays, String inviterUserId,
		Metadata metadata, String publicMetadata) {

	static final int DEFAULT_EXPIRES_IN_DAYS = 7;

	static final int MAX_EXPIRES_IN_DAYS = 30;

	/** The contract's limit of a JSON metadata class, as compact UTF-8 JSON. */
	static final int MAX_PUBLIC_METADATA_BYTES = 8 * 1024;

	private static final int MAX_ID_LENGTH = 64;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static InvitationRequest from(JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String email = reader.requiredEmail("email");
		String organizationId = reader.optionalString("organization_id", 1, MAX_ID_LENGTH).orElse(null);
		String roleSlug = reader.optionalString("role_slug", 1, MAX_ID_LENGTH).orElse(null);
		if (roleSlug != null && organizationId == null) {
			reader.fail("role_slug", "organization_id_required", "role_slug needs organization_id.");
		}
		String inviterUserId = reader.optionalString("inviter_user_id", 1, MAX_ID_LENGTH).orElse(null);
		int expiresInDays = expiresInDays(reader);
		JsonNode publicMetadata = reader.node("public_metadata");
		if (publicMetadata != null && !publicMetadata.isNull() && !publicMetadata.isObject()) {
			reader.fail("public_metadata", "invalid_type", "public_metadata must be an object.");
		}
		reader.validate();
		MetadataPatch metadata = MetadataPatch.from(reader.node("metadata"));
		return new InvitationRequest(email, organizationId, roleSlug, expiresInDays, inviterUserId,
				(metadata != null) ? metadata.toMetadata() : Metadata.empty(), publicMetadataText(publicMetadata));
	}

	InvitationRequest withRole(String roleSlug) {
		return new InvitationRequest(this.email, this.organizationId, roleSlug, this.expiresInDays, this.inviterUserId,
				this.metadata, this.publicMetadata);
	}

	private static int expiresInDays(JsonObjectReader reader) {
		JsonNode node = reader.node("expires_in_days");
		if (node == null || node.isNull()) {
			return DEFAULT_EXPIRES_IN_DAYS;
		}
		if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_EXPIRES_IN_DAYS) {
			reader.fail("expires_in_days", "invalid_expires_in_days",
					"expires_in_days must be a whole number from 1 to " + MAX_EXPIRES_IN_DAYS + ".");
			return DEFAULT_EXPIRES_IN_DAYS;
		}
		return node.asInt();
	}

	/**
	 * Until the typed metadata classes land in {@code metadata/}: an object within the
	 * contract's size limit, stored as its compact JSON text.
	 */
	private static String publicMetadataText(JsonNode publicMetadata) {
		if (publicMetadata == null || publicMetadata.isNull()) {
			return "{}";
		}
		String text = JSON.writeValueAsString(publicMetadata);
		if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PUBLIC_METADATA_BYTES) {
			throw ApiException.badRequest("invalid_metadata", "public_metadata",
					"public_metadata must be at most " + MAX_PUBLIC_METADATA_BYTES + " bytes as compact JSON.");
		}
		return text;
	}

}
