package dev.claimsmith.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings.
 *
 * @param apiKey an API key to accept (env {@code CLAIMSMITH_API_KEY}); when unset and no
 * key is stored, one is generated on first start
 */
@ConfigurationProperties("claimsmith")
record AuthProperties(String apiKey) {
}
