package dev.claimsmith.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.RenderedClaims;
import dev.claimsmith.template.TemplateWarning;

/**
 * An unsigned token: the payload a mint signs and a preview shows, made by one recipe
 * ({@link TokenDrafts}).
 *
 * @param payload reserved claims first, then the template's claims
 */
record TokenDraft(ClaimsTemplate template, RenderedClaims rendered, Map<String, Object> payload, Duration lifetime,
		Instant expiresAt, String jti) {

	/**
	 * The template's own warnings (found when it was compiled), then this rendering's.
	 */
	List<TemplateWarning> warnings() {
		if (this.template.warnings().isEmpty()) {
			return this.rendered.warnings();
		}
		List<TemplateWarning> warnings = new ArrayList<>(this.template.warnings());
		warnings.addAll(this.rendered.warnings());
		return warnings;
	}

}
