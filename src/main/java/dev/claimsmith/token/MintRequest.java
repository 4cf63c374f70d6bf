package dev.claimsmith.token;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.user.UserId;

/**
 * What to mint a token for.
 *
 * @param userId the subject; required
 * @param organizationId the organization the token speaks for, or null; when given the
 * user must be an active member, and {@code org_id role roles permissions} are set
 * @param sessionId the session the token belongs to ({@code sid}), or null
 * @param templateName the claims template, or null for the default one
 * ({@code ClaimsTemplates.DEFAULT})
 */
public record MintRequest(UserId userId, OrganizationId organizationId, String sessionId, String templateName) {

	public MintRequest {
		if (userId == null) {
			throw new IllegalArgumentException("userId is required");
		}
	}

}
