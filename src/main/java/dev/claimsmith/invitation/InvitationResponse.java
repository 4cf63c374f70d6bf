package dev.claimsmith.invitation;

import java.time.Instant;
import java.util.Map;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Timestamps;

/**
 * The contract's invitation object. The token exists in clear only in the answers to
 * create, resend and by_token; elsewhere {@code token} and {@code accept_invitation_url}
 * are empty strings, not null, because the WorkOS SDKs declare both non-null.
 */
record InvitationResponse(String object, String id, String email, String state, String acceptedAt, String revokedAt,
		String expiresAt, String token, String acceptInvitationUrl, String organizationId, String inviterUserId,
		String acceptedUserId, String roleSlug, Map<String, String> metadata, JsonMetadata publicMetadata,
		String createdAt, String updatedAt) {

	/** Without the token, which is stored only as a hash. */
	static InvitationResponse of(Invitation invitation, Instant now) {
		return of(invitation, now, "", "");
	}

	/** With the token and the URL the application sends to the invited person. */
	static InvitationResponse withToken(Invitation invitation, Instant now, String token,
			InvitationProperties properties) {
		return of(invitation, now, token, properties.acceptUrlFor(token));
	}

	private static InvitationResponse of(Invitation invitation, Instant now, String token, String acceptUrl) {
		return new InvitationResponse("invitation", invitation.id(), invitation.email(), invitation.state(now),
				Timestamps.format(invitation.acceptedAt()), Timestamps.format(invitation.revokedAt()),
				Timestamps.format(invitation.expiresAt()), token, acceptUrl, invitation.organizationId(),
				invitation.inviterUserId(), invitation.acceptedUserId(), invitation.roleSlug(),
				invitation.metadata().asStrings(), invitation.publicMetadata(),
				Timestamps.format(invitation.createdAt()), Timestamps.format(invitation.updatedAt()));
	}

	/**
	 * Keeps the token out of logs (Spring logs response bodies at DEBUG); so are the
	 * metadata values.
	 */
	@Override
	public String toString() {
		return "InvitationResponse[id=" + this.id + ", state=" + this.state + "]";
	}

}
