package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;

import dev.claimsmith.invitation.InvitationService;
import dev.claimsmith.invitation.InvitationView;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.organization.Organization;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerk's organization invitations on Claimsmith's invitation model: an open invitation
 * holds a pending membership, and accepting it (WorkOS wire or sign-in with its token)
 * moves its {@code private_metadata} and {@code public_metadata} to the membership.
 */
@RestController
@RequestMapping(path = "/clerk/v1/organizations/{id}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
class ClerkInvitationController {

	private static final MetadataClass[] CLASSES = { MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA };

	/** Invitations are ordered by creation only (Clerk also takes email_address). */
	private static final Map<String, String> ORDER_FIELDS = Map.of("created_at", "created_at");

	private final InvitationService invitations;

	private final ClerkOrganizations organizations;

	ClerkInvitationController(InvitationService invitations, ClerkOrganizations organizations) {
		this.invitations = invitations;
		this.organizations = organizations;
	}

	@GetMapping
	ClerkList<ClerkInvitation> list(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset,
			@RequestParam(name = "order_by", required = false) List<String> orderBy,
			@RequestParam(name = "status", required = false) List<String> statuses) {
		ClerkPaging paging = ClerkPaging.of(limit, offset);
		boolean oldestFirst = ClerkOrder.of(orderBy, ORDER_FIELDS).ascending();
		Organization organization = this.organizations.find(id);
		InvitationService.OffsetPage page = this.invitations.listByOffset(organization.id(),
				(statuses != null) ? statuses : List.of(), paging.limit(), paging.offset(), oldestFirst);
		return new ClerkList<>(
				page.invitations().stream().map((invitation) -> ClerkInvitation.of(invitation, organization)).toList(),
				page.totalCount());
	}

	@PostMapping
	ClerkInvitation create(@PathVariable String id, @RequestBody(required = false) JsonNode json) {
		ClerkBody body = ClerkBody.of(json);
		String email = body.requiredString("email_address", 320);
		String roleKey = body.string("role", 64).value();
		String role = (roleKey != null) ? ClerkRoles.fromClerk(roleKey) : null;
		String inviter = body.string("inviter_user_id", 64).value();
		Long days = body.nonNegativeInteger("expires_in_days");
		MetadataChanges metadata = body.metadata(false, CLASSES);
		Organization organization = this.organizations.find(id);
		InvitationView invitation = this.invitations.createFor(email, organization.id(), role, inviter,
				(days != null) ? (int) Math.min(days, Integer.MAX_VALUE) : null, metadata);
		return ClerkInvitation.of(invitation, organization);
	}

	@GetMapping("/{invitationId}")
	ClerkInvitation get(@PathVariable String id, @PathVariable String invitationId) {
		Organization organization = this.organizations.find(id);
		return ClerkInvitation.of(find(organization, invitationId), organization);
	}

	@PostMapping("/{invitationId}/revoke")
	ClerkInvitation revoke(@PathVariable String id, @PathVariable String invitationId,
			@RequestBody(required = false) JsonNode json) {
		ClerkBody.of(json).string("requesting_user_id", 64);
		Organization organization = this.organizations.find(id);
		find(organization, invitationId);
		return ClerkInvitation.of(this.invitations.revokeView(invitationId), organization);
	}

	/** The invitation, when it is one to this organization. */
	private InvitationView find(Organization organization, String invitationId) {
		return this.invitations.findView(invitationId)
			.filter((invitation) -> organization.id().equals(invitation.organizationId()))
			.orElseThrow(
					() -> ClerkException.notFound("invitation with id '" + invitationId + "' to this organization"));
	}

}
