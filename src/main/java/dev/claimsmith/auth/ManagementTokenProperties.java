package dev.claimsmith.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The client-credentials grant of {@code POST /oauth/token} (API.md "Auth0 Management API
 * compatibility").
 *
 * @param domain the host (and port) Auth0 SDKs are given as {@code domain} (env
 * {@code CLAIMSMITH_AUTH0_DOMAIN}); the audience they ask for is
 * {@code https://{domain}/api/v2/}. When unset, the issuer's host and the host the
 * request was sent to (its {@code Host} header) are accepted; set it behind a proxy that
 * rewrites {@code Host}.
 * @param tokenLifetime how long a management access token is accepted; at most
 * {@code claimsmith.keys.max-token-lifetime} (checked at start-up), since a retired key
 * stays published only that long (Auth0 issues 24 hours; its SDKs ask again when a token
 * expires); revoking the API key it came from ends it at once
 */
@ConfigurationProperties("claimsmith.auth0")
record ManagementTokenProperties(String domain, @DefaultValue("1h") Duration tokenLifetime) {

	ManagementTokenProperties {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("claimsmith.auth0.token-lifetime must be positive");
		}
	}

}
