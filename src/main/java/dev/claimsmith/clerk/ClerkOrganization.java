package dev.claimsmith.clerk;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.organization.Organization;

/**
 * Clerk's organization object. Claimsmith keeps no logo, membership cap or creator, so
 * those read as Clerk's defaults; {@code members_count} only when asked for, as Clerk
 * answers.
 */
record ClerkOrganization(String object, String id, String name, String slug, String imageUrl, boolean hasImage,
		long maxAllowedMemberships, boolean adminDeleteEnabled, JsonMetadata publicMetadata,
		JsonMetadata privateMetadata, String createdBy, Long membersCount, long createdAt, long updatedAt) {

	static ClerkOrganization of(Organization organization, Long membersCount) {
		return new ClerkOrganization("organization", organization.id(), organization.name(), organization.slug(), "",
				false, 0, true, organization.publicMetadata(), organization.metadata(), null, membersCount,
				organization.createdAt().toEpochMilli(), organization.updatedAt().toEpochMilli());
	}

}
