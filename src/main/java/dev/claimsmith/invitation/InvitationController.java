package dev.claimsmith.invitation;

import java.time.Clock;
import java.time.Instant;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;
import dev.claimsmith.web.ListResponse;
import dev.claimsmith.web.NoStore;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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
	@ResponseStatus(HttpStatus.CREATED)
	InvitationResponse create(@RequestBody JsonNode body) {
		return withToken(this.invitations.create(InvitationRequest.from(body)));
	}

	@GetMapping("/{id}")
	InvitationResponse get(@PathVariable String id) {
		return InvitationResponse
			.of(this.invitations.find(id).orElseThrow(() -> ApiException.notFound("invitation", id)), now());
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
	InvitationResponse revoke(@PathVariable String id) {
		return InvitationResponse.of(this.invitations.revoke(id), now());
	}

	@NoStore
	@PostMapping("/{id}/resend")
	InvitationResponse resend(@PathVariable String id) {
		return withToken(this.invitations.resend(id));
	}

	@PostMapping("/{id}/accept")
	InvitationResponse accept(@PathVariable String id) {
		return InvitationResponse.of(this.invitations.accept(id), now());
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
