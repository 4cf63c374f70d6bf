package dev.claimsmith.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.claimsmith.keys.KeysProperties;
import dev.claimsmith.store.Ids;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.RenderedClaims;
import dev.claimsmith.template.TemplateDialect;

import org.springframework.stereotype.Component;

/**
 * The one recipe for a token's payload, shared by mint and preview: render the template
 * from the subject's claims context, then the reserved claims, then the template's
 * claims, with the template's lifetime and a fresh {@code jti}. A template in Clerk's
 * dialect gets Clerk's default claims instead of Claimsmith's. A mint signs the draft; a
 * preview shows it.
 */
@Component
class TokenDrafts {

	private final TokenPayloads payloads;

	private final TokenProperties properties;

	private final Clock clock;

	private final MintMetrics metrics;

	private final Duration maxLifetime;

	TokenDrafts(TokenPayloads payloads, TokenProperties properties, KeysProperties keys, Clock clock,
			MintMetrics metrics) {
		this.payloads = payloads;
		this.maxLifetime = keys.maxTokenLifetime();
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** The draft a mint signs; its rendering is timed as a mint's. */
	TokenDraft forMint(ClaimsTemplate template, MintSubject subject, String sessionId) {
		Map<String, Object> context = withSession(subject.context(), sessionId);
		RenderedClaims rendered = this.metrics.timeRender(template.name(), () -> template.render(context));
		return draft(template, subject, sessionId, rendered);
	}

	/** The draft a preview shows: exactly what a mint would sign, but untimed. */
	TokenDraft forPreview(ClaimsTemplate template, MintSubject subject) {
		return draft(template, subject, null, template.render(subject.context()));
	}

	/**
	 * A template's own lifetime (a Clerk template's, up to ten years) kept within
	 * {@code claimsmith.keys.max-token-lifetime}: a retired key stays published only that
	 * long, so no token may outlive it (as {@link TokenLifetimeCheck} ensures for the
	 * configured lifetimes). The Clerk wire refuses a longer lifetime when the template
	 * is written; this holds it for templates stored before the limit was lowered.
	 */
	private Duration withinKeyPublication(Duration lifetime) {
		return (lifetime.compareTo(this.maxLifetime) > 0) ? this.maxLifetime : lifetime;
	}

	/**
	 * The context with the session the token is minted for, which Clerk's
	 * {@code session.id} shortcode reads.
	 */
	private static Map<String, Object> withSession(Map<String, Object> context, String sessionId) {
		if (sessionId == null) {
			return context;
		}
		Map<String, Object> withSession = new LinkedHashMap<>(context);
		withSession.put("session", Map.of("id", sessionId));
		return withSession;
	}

	private TokenDraft draft(ClaimsTemplate template, MintSubject subject, String sessionId, RenderedClaims rendered) {
		Instant issuedAt = this.clock.instant();
		Duration lifetime = template.lifetime()
			.map(this::withinKeyPublication)
			.orElseGet(() -> this.properties.lifetimeOf(template.name()));
		Instant expiresAt = issuedAt.plus(lifetime);
		String jti = Ids.next("jti");
		Map<String, Object> payload = (template.dialect() == TemplateDialect.CLERK)
				? this.payloads.clerkPayload(subject.userId(), sessionId, issuedAt,
						issuedAt.minus(template.allowedClockSkew()), expiresAt, jti, subject.fingerprint(),
						rendered.claims())
				: this.payloads.payload(subject.userId(), subject.organizationId(), subject.role(),
						subject.permissions(), sessionId, issuedAt, expiresAt, jti, subject.fingerprint(),
						rendered.claims());
		return new TokenDraft(template, rendered, payload, lifetime, expiresAt, jti);
	}

}
