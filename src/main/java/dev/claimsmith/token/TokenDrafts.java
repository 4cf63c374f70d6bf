package dev.claimsmith.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.claimsmith.store.Ids;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.RenderedClaims;

import org.springframework.stereotype.Component;

/**
 * The one recipe for a token's payload, shared by mint and preview: render the template
 * from the subject's claims context, then the reserved claims, then the template's
 * claims, with the template's lifetime and a fresh {@code jti}. A mint signs the draft; a
 * preview shows it.
 */
@Component
class TokenDrafts {

	private final TokenPayloads payloads;

	private final TokenProperties properties;

	private final Clock clock;

	private final MintMetrics metrics;

	TokenDrafts(TokenPayloads payloads, TokenProperties properties, Clock clock, MintMetrics metrics) {
		this.payloads = payloads;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** The draft a mint signs; its rendering is timed as a mint's. */
	TokenDraft forMint(ClaimsTemplate template, MintSubject subject, String sessionId) {
		RenderedClaims rendered = this.metrics.timeRender(template.name(), () -> template.render(subject.context()));
		return draft(template, subject, sessionId, rendered);
	}

	/** The draft a preview shows: exactly what a mint would sign, but untimed. */
	TokenDraft forPreview(ClaimsTemplate template, MintSubject subject) {
		return draft(template, subject, null, template.render(subject.context()));
	}

	private TokenDraft draft(ClaimsTemplate template, MintSubject subject, String sessionId, RenderedClaims rendered) {
		Instant issuedAt = this.clock.instant();
		Duration lifetime = this.properties.lifetimeOf(template.name());
		Instant expiresAt = issuedAt.plus(lifetime);
		String jti = Ids.next("jti");
		Map<String, Object> payload = this.payloads.payload(subject.userId(), subject.organizationId(), subject.role(),
				subject.permissions(), sessionId, issuedAt, expiresAt, jti, subject.fingerprint(), rendered.claims());
		return new TokenDraft(template, rendered, payload, lifetime, expiresAt, jti);
	}

}
