package dev.claimsmith.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token settings.
 *
 * @param lifetime how long a token is valid unless its template says otherwise
 * @param templateLifetimes per-template lifetimes, by template name
 */
@ConfigurationProperties("claimsmith.tokens")
record TokenProperties(@DefaultValue("5m") Duration lifetime, Map<String, Duration> templateLifetimes) {

	TokenProperties {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("claimsmith.tokens.lifetime must be positive");
		}
		templateLifetimes = (templateLifetimes != null) ? Map.copyOf(templateLifetimes) : Map.of();
	}

	Duration lifetimeOf(String templateName) {
		return this.templateLifetimes.getOrDefault(templateName, this.lifetime);
	}

}
