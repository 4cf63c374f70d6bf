package dev.claimsmith.invitation;

import java.util.Set;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.databind.JsonNode;

/**
 * A validated invitation create request.
 *
 * @param organizationId null for an invitation to the application only
 * @param roleSlug null without organization (the organization's invitations default to
 * the configured default role, filled in by the service)
 * @param inviterUserId null when not given
 */
record InvitationRequest(String email, String organizationId, String roleSlug, int expiresInDays, String inviterUserId,
		JsonMetadata metadata, JsonMetadata publicMetadata) {

	/** The metadata classes an invitation carries, to move to its membership. */
	static final Set<MetadataClass> CLASSES = Set.of(MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA);

	static final int DEFAULT_EXPIRES_IN_DAYS = 7;

	static final int MAX_EXPIRES_IN_DAYS = 30;

	private static final int MAX_ID_LENGTH = 64;

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
		reader.validate();
		MetadataChanges metadata = MetadataChanges.fromRequest(reader, CLASSES);
		return new InvitationRequest(email, organizationId, roleSlug, expiresInDays, inviterUserId,
				metadata.applyTo(MetadataClass.METADATA, JsonMetadata.empty()),
				metadata.applyTo(MetadataClass.PUBLIC_METADATA, JsonMetadata.empty()));
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

}
