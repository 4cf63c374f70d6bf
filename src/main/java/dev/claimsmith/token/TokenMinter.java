package dev.claimsmith.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.claimsmith.keys.ActiveSigningKey;
import dev.claimsmith.keys.SigningKeys;
import dev.claimsmith.store.Ids;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.RenderedClaims;

import org.springframework.stereotype.Service;

/**
 * The mint path: load the subject, render the template from current data, add the
 * reserved claims, sign with the active key. The compiled template and the signer are
 * prepared ahead; per token there is one query, one render, one JSON serialization and
 * one signature.
 */
@Service
class TokenMinter implements AccessTokens {

	private final MintSubjects subjects;

	private final TemplateSelection templates;

	private final TokenPayloads payloads;

	private final SigningKeys signingKeys;

	private final TokenProperties properties;

	private final Clock clock;

	private final MintMetrics metrics;

	TokenMinter(MintSubjects subjects, TemplateSelection templates, TokenPayloads payloads, SigningKeys signingKeys,
			TokenProperties properties, Clock clock, MintMetrics metrics) {
		this.subjects = subjects;
		this.templates = templates;
		this.payloads = payloads;
		this.signingKeys = signingKeys;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public MintedToken mint(MintRequest request) {
		ClaimsTemplate template = this.templates.named(request.templateName());
		MintSubject subject = this.subjects.load(request.userId(), request.organizationId());
		RenderedClaims rendered = this.metrics.timeRender(template.name(),
				() -> this.templates.render(template, subject));
		Instant issuedAt = this.clock.instant();
		Duration lifetime = this.properties.lifetimeOf(template.name());
		Instant expiresAt = issuedAt.plus(lifetime);
		String jti = Ids.next("jti");
		Map<String, Object> payload = this.payloads.payload(subject, request.sessionId(), issuedAt, expiresAt, jti,
				rendered.claims());
		ActiveSigningKey key = this.signingKeys.active();
		String algorithm = key.algorithm().getName();
		byte[] payloadJson = this.payloads.toJson(payload);
		String token = this.metrics.timeSign(algorithm, () -> key.sign(payloadJson));
		this.metrics.minted(template.name(), algorithm);
		return new MintedToken(token, lifetime.toSeconds(), expiresAt, jti);
	}

}
