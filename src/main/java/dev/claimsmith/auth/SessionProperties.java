package dev.claimsmith.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session settings.
 *
 * @param refreshTokenLifetime how long a refresh token can be redeemed; every refresh
 * issues a new one, so an active session lives on while an idle one ends
 * @param pendingAuthenticationLifetime how long the token of an
 * {@code organization_selection_required} answer can be redeemed
 * @param purgeInterval how often each instance deletes credentials a day past their
 * expiry, and the sessions they leave empty ({@link ExpiredCredentialsPurge})
 */
@ConfigurationProperties("claimsmith.sessions")
record SessionProperties(@DefaultValue("30d") Duration refreshTokenLifetime,
		@DefaultValue("10m") Duration pendingAuthenticationLifetime, @DefaultValue("1h") Duration purgeInterval) {

	SessionProperties {
		if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
			throw new IllegalArgumentException("claimsmith.sessions.refresh-token-lifetime must be positive");
		}
		if (pendingAuthenticationLifetime.isNegative() || pendingAuthenticationLifetime.isZero()) {
			throw new IllegalArgumentException("claimsmith.sessions.pending-authentication-lifetime must be positive");
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException("claimsmith.sessions.purge-interval must be positive");
		}
	}

}
