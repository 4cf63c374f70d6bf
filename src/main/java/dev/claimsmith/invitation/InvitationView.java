package dev.claimsmith.invitation;

import java.time.Instant;

import dev.claimsmith.metadata.JsonMetadata;

/**
 * An invitation as other modules see it (the Clerk wire), read at one instant.
 *
 * @param state pending, accepted, revoked or expired, at the instant it was read
 * @param acceptUrl the accept link with the token, only right after creation (the token
 * is stored only as a hash); null otherwise
 */
public record InvitationView(String id, String email, String organizationId, String roleSlug, String state,
		String inviterUserId, JsonMetadata metadata, JsonMetadata publicMetadata, String acceptUrl, Instant expiresAt,
		Instant createdAt, Instant updatedAt) {

	static InvitationView of(Invitation invitation, Instant now, String acceptUrl) {
		return new InvitationView(invitation.id(), invitation.email(), invitation.organizationId(),
				invitation.roleSlug(), invitation.state(now), invitation.inviterUserId(), invitation.metadata(),
				invitation.publicMetadata(), acceptUrl, invitation.expiresAt(), invitation.createdAt(),
				invitation.updatedAt());
	}

}
