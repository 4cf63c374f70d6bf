package dev.claimsmith.clerk;

import java.util.Locale;

import dev.claimsmith.invitation.InvitationView;
import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.organization.Organization;

/**
 * Clerk's organization invitation. {@code url} is the accept link with the token, shown
 * only in the answer to the create (Claimsmith stores the token as a hash); Claimsmith
 * sends no email.
 */
record ClerkInvitation(String object, String id, String emailAddress, String role, String roleName,
		String organizationId, String inviterUserId, String status, JsonMetadata publicMetadata,
		JsonMetadata privateMetadata, String url, long expiresAt, PublicOrganizationData publicOrganizationData,
		long createdAt, long updatedAt) {

	static ClerkInvitation of(InvitationView invitation, Organization organization) {
		String slug = (invitation.roleSlug() != null) ? invitation.roleSlug() : "";
		String roleName = slug.isEmpty() ? slug : slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1);
		return new ClerkInvitation("organization_invitation", invitation.id(), invitation.email(),
				ClerkRoles.toClerk(slug), roleName, invitation.organizationId(), invitation.inviterUserId(),
				invitation.state(), invitation.publicMetadata(), invitation.metadata(), invitation.acceptUrl(),
				invitation.expiresAt().toEpochMilli(), PublicOrganizationData.of(organization),
				invitation.createdAt().toEpochMilli(), invitation.updatedAt().toEpochMilli());
	}

	/** What an invitee may see of the organization. */
	record PublicOrganizationData(String id, String name, String slug, String imageUrl, boolean hasImage) {

		static PublicOrganizationData of(Organization organization) {
			return new PublicOrganizationData(organization.id(), organization.name(), organization.slug(), "", false);
		}

	}

}
