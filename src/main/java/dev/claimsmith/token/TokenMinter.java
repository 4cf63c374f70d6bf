package dev.claimsmith.token;

import dev.claimsmith.keys.ActiveSigningKey;
import dev.claimsmith.keys.SigningKeys;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.TemplateDialect;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Service;

/**
 * The mint path: load the subject, draft the payload from current data
 * ({@link TokenDrafts}, the recipe preview shows), sign it with the active key. The
 * compiled template and the signer are prepared ahead; per token there is one query, one
 * render, one JSON serialization and one signature.
 */
@Service
class TokenMinter implements AccessTokens {

	private final MintSubjects subjects;

	private final TemplateSelection templates;

	private final TokenDrafts drafts;

	private final TokenPayloads payloads;

	private final SigningKeys signingKeys;

	private final MintMetrics metrics;

	TokenMinter(MintSubjects subjects, TemplateSelection templates, TokenDrafts drafts, TokenPayloads payloads,
			SigningKeys signingKeys, MintMetrics metrics) {
		this.subjects = subjects;
		this.templates = templates;
		this.drafts = drafts;
		this.payloads = payloads;
		this.signingKeys = signingKeys;
		this.metrics = metrics;
	}

	@Override
	public MintedToken mint(MintRequest request) {
		ClaimsTemplate template = this.templates.named(request.templateName());
		requireSessionForClerkTemplate(template, request);
		MintSubject subject = this.subjects.load(request.userId(), request.organizationId());
		TokenDraft draft = this.drafts.forMint(template, subject, request.sessionId());
		ActiveSigningKey key = this.signingKeys.active();
		String algorithm = key.algorithm().getName();
		byte[] payloadJson = this.payloads.toJson(draft.payload());
		String token = this.metrics.timeSign(algorithm, () -> key.sign(payloadJson));
		this.metrics.minted(template.name(), algorithm);
		return new MintedToken(token, draft.lifetime().toSeconds(), draft.expiresAt(), draft.jti());
	}

	/**
	 * A Clerk template is a session token's (Clerk's {@code getToken(sid, template)}):
	 * its payload has Clerk's claims, not this API's {@code org_id}, {@code role} and
	 * {@code permissions}, and its freshness is judged by its session's organization.
	 * Minted without a session it would be neither.
	 */
	private static void requireSessionForClerkTemplate(ClaimsTemplate template, MintRequest request) {
		if (template.dialect() == TemplateDialect.CLERK && request.sessionId() == null) {
			throw ApiException.invalidParameter("template", "clerk_template",
					"'" + template.name() + "' is a Clerk JWT template: it mints session tokens, through POST "
							+ "/clerk/v1/sessions/{session_id}/tokens/" + template.name() + ".");
		}
	}

}
