package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the key store, shown as {@code keyStore}: the key file is still readable and
 * parses, it holds the key that signs now, and that key signs. A service that cannot sign
 * must not take traffic, so this is part of the readiness group. Details (kid, algorithm)
 * are public information: the JWKS publishes both.
 */
@Component
class KeyStoreHealthIndicator extends AbstractHealthIndicator {

	private static final byte[] PROBE = "{\"health\":true}".getBytes(StandardCharsets.UTF_8);

	private final SigningKeys signingKeys;

	private final KeyFile file;

	KeyStoreHealthIndicator(SigningKeys signingKeys, KeysProperties properties) {
		super("Key store health check failed");
		this.signingKeys = signingKeys;
		this.file = new KeyFile(properties.dir());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<StoredKey> stored = this.file.read().orElse(List.of());
		ActiveSigningKey active = this.signingKeys.active();
		if (stored.stream().noneMatch((key) -> key.kid().equals(active.kid()))) {
			builder.down().withDetail("reason", "active key " + active.kid() + " is missing from the key file");
			return;
		}
		// The same call minting makes, so a key or provider that cannot sign tokens shows
		// here.
		active.sign(PROBE);
		builder.up().withDetail("kid", active.kid()).withDetail("algorithm", active.algorithm().getName());
	}

}
