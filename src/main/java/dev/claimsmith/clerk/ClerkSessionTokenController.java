package dev.claimsmith.clerk;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.template.TemplateException;
import dev.claimsmith.token.AccessTokens;
import dev.claimsmith.token.MintRequest;
import dev.claimsmith.token.SessionStatus;
import dev.claimsmith.user.UserId;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerk's {@code POST /v1/sessions/{sid}/tokens/{template}}: a token for a live
 * Claimsmith session (from {@code /user_management/authenticate}), minted through the one
 * mint path from current data, with the template's lifetime; the SDK's
 * {@code verifyToken} accepts it against {@code /clerk/v1/jwks}. Without a template, the
 * default template.
 */
@RestController
class ClerkSessionTokenController {

	private final SessionStatus sessions;

	private final AccessTokens tokens;

	ClerkSessionTokenController(SessionStatus sessions, AccessTokens tokens) {
		this.sessions = sessions;
		this.tokens = tokens;
	}

	@PostMapping(path = "/clerk/v1/sessions/{sessionId}/tokens/{template}", produces = MediaType.APPLICATION_JSON_VALUE)
	ClerkToken token(@PathVariable String sessionId, @PathVariable String template) {
		return mint(sessionId, template);
	}

	@PostMapping(path = "/clerk/v1/sessions/{sessionId}/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
	ClerkToken token(@PathVariable String sessionId) {
		return mint(sessionId, null);
	}

	private ClerkToken mint(String sessionId, String template) {
		SessionStatus.LiveSession session = this.sessions.live(sessionId)
			.orElseThrow(() -> ClerkException.notFound("session"));
		MintRequest request = new MintRequest(new UserId(session.userId()),
				(session.organizationId() != null) ? new OrganizationId(session.organizationId()) : null, session.id(),
				template);
		try {
			return new ClerkToken("token", this.tokens.mint(request).accessToken());
		}
		catch (TemplateException ex) {
			throw ClerkTemplateErrors.of(ex);
		}
	}

	/** Clerk's token object: {@code {"object":"token","jwt"}}. */
	record ClerkToken(String object, String jwt) {
	}

}
