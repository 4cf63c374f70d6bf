package dev.claimsmith.token;

import java.time.Duration;
import java.util.Map;

import dev.claimsmith.keys.KeysProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a token could outlive its key's publication: a retired key stays
 * in JWKS for {@code claimsmith.keys.max-token-lifetime}, so no token lifetime may exceed
 * it, or resource servers would reject valid tokens after a rotation.
 */
@Component
class TokenLifetimeCheck implements InitializingBean {

	private final TokenProperties tokens;

	private final KeysProperties keys;

	TokenLifetimeCheck(TokenProperties tokens, KeysProperties keys) {
		this.tokens = tokens;
		this.keys = keys;
	}

	@Override
	public void afterPropertiesSet() {
		check("claimsmith.tokens.lifetime", this.tokens.lifetime());
		for (Map.Entry<String, Duration> entry : this.tokens.templateLifetimes().entrySet()) {
			check("claimsmith.tokens.template-lifetimes." + entry.getKey(), entry.getValue());
		}
	}

	private void check(String property, Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(this.keys.maxTokenLifetime()) > 0) {
			throw new IllegalStateException(property + " (" + lifetime + ") must be positive and at most "
					+ "claimsmith.keys.max-token-lifetime (" + this.keys.maxTokenLifetime() + ")");
		}
	}

}
