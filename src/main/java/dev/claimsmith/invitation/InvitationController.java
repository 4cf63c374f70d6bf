package dev.claimsmith.invitation;

import java.time.Clock;
import java.time.Instant;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.IfMatch;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import dev.claimsmith.web.NoStore;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WorkOS-compatible invitations API. Answers that carry a token are not to be cached.
 */
@RestController
@RequestMapping(path = "/user_management/invitations", produces = "application/json")
class InvitationController {

	private final InvitationService invitations;

	private final InvitationProperties properties;

	private final Clock clock;

	InvitationController(InvitationService invitations, InvitationProperties properties, Clock clock) {
		this.invitations = invitations;
		this.properties = properties;
		this.clock = clock;
	}

	@NoStore
	@PostMapping
	ResponseEntity<InvitationResponse> create(@RequestBody JsonNode body) {
		InvitationService.Issued issued = this.invitations.create(InvitationRequest.from(body));
		return IfMatch.created(withToken(issued), issued.invitation().version());
	}

	@GetMapping("/{id}")
	ResponseEntity<InvitationResponse> get(@PathVariable String id) {
		return answer(this.invitations.find(id).orElseThrow(() -> ApiException.notFound("invitation", id)));
	}

	@NoStore
	@GetMapping("/by_token/{token}")
	InvitationResponse getByToken(@PathVariable String token) {
		return this.invitations.findByToken(token)
			.map((invitation) -> InvitationResponse.withToken(invitation, now(), token, this.properties))
			.orElseThrow(() -> ApiException.notFound("Could not find an invitation with this token."));
	}

	@GetMapping
	ListResponse<InvitationResponse> list(
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(required = false) String email, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String before, @RequestParam(required = false) String after,
			@RequestParam(required = false) String order) {
		ListRequest request = ListRequest.of(limit, before, after, order);
		InvitationService.Page page = this.invitations.list(blankToNull(organizationId), blankToNull(email), request);
		Instant now = now();
		return new ListResponse<>(
				page.invitations().stream().map((invitation) -> InvitationResponse.of(invitation, now)).toList(),
				new ListResponse.ListMetadata(page.before(), page.after()));
	}

	@PostMapping("/{id}/revoke")
	ResponseEntity<InvitationResponse> revoke(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return answer(this.invitations.revoke(id, IfMatch.of(ifMatch)));
	}

	@NoStore
	@PostMapping("/{id}/resend")
	ResponseEntity<InvitationResponse> resend(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		InvitationService.Issued issued = this.invitations.resend(id, IfMatch.of(ifMatch));
		return IfMatch.ok(withToken(issued), issued.invitation().version());
	}

	@PostMapping("/{id}/accept")
	ResponseEntity<InvitationResponse> accept(@PathVariable String id,
			@RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
		return answer(this.invitations.accept(id, IfMatch.of(ifMatch)));
	}

	/** Every single invitation answers with its {@code ETag}, as every object does. */
	private ResponseEntity<InvitationResponse> answer(Invitation invitation) {
		return IfMatch.ok(InvitationResponse.of(invitation, now()), invitation.version());
	}

	private InvitationResponse withToken(InvitationService.Issued issued) {
		return InvitationResponse.withToken(issued.invitation(), now(), issued.token(), this.properties);
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
