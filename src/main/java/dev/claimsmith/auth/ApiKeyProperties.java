package dev.claimsmith.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API key management.
 *
 * @param maxActive how many keys may be active (not revoked) at once
 * @param lastUsedResolution how stale {@code last_used_at} may get: a key's row is
 * written at most once per this interval, not on every request
 */
@ConfigurationProperties("claimsmith.api-keys")
record ApiKeyProperties(@DefaultValue("100") int maxActive, @DefaultValue("1m") Duration lastUsedResolution) {

	ApiKeyProperties {
		if (maxActive < 1) {
			throw new IllegalArgumentException("claimsmith.api-keys.max-active must be at least 1");
		}
		if (lastUsedResolution.isNegative()) {
			throw new IllegalArgumentException("claimsmith.api-keys.last-used-resolution must not be negative");
		}
	}

}
