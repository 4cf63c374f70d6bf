package dev.claimsmith.template;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The claims a template rendered for one context.
 *
 * @param claims claim name to plain Java value (String, Boolean, Long, Double,
 * BigDecimal, List, LinkedHashMap; null only inside arrays), in template key order, ready
 * for {@code JWTClaimsSet.Builder.claim(name, value)}
 * @param sizeBytes UTF-8 size of the claims written as a compact JSON object
 * @param warnings things the template author may want to know, never errors
 */
public record RenderedClaims(Map<String, Object> claims, int sizeBytes, List<TemplateWarning> warnings) {

	public RenderedClaims {
		claims = Collections.unmodifiableMap(claims);
		warnings = List.copyOf(warnings);
	}

}
