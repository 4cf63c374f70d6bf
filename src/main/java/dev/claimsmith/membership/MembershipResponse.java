package dev.claimsmith.membership;

import java.util.List;
import java.util.Map;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.user.UserResponse;

/**
 * The contract's organization membership object. {@code directory_managed} is always
 * false (Claimsmith has no directory sync) but always present: WorkOS's schema requires
 * it. A pending membership of an invited email without a user has {@code user_id} and
 * {@code user} null.
 */
record MembershipResponse(String object, String id, String userId, String organizationId, String organizationName,
		String status, Role role, List<Role> roles, boolean directoryManaged, String externalId,
		Map<String, String> metadata, JsonMetadata publicMetadata, JsonMetadata customAttributes, UserResponse user,
		String createdAt, String updatedAt) {

	static MembershipResponse of(Membership membership, UserResponse user, String organizationName) {
		Role role = new Role(membership.roleSlug());
		return new MembershipResponse("organization_membership", membership.id(), membership.userId(),
				membership.organizationId(), organizationName, membership.status(), role, List.of(role), false,
				membership.externalId(), membership.metadata().asStrings(), membership.publicMetadata(),
				membership.customAttributes(), user, Timestamps.format(membership.createdAt()),
				Timestamps.format(membership.updatedAt()));
	}

	record Role(String slug) {
	}

}
