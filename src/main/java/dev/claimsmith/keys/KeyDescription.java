package dev.claimsmith.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A key as the admin listing shows it: identity, status and timestamps, never key
 * material. {@code removed_at} is when it leaves the JWKS, known once it is retired.
 */
record KeyDescription(String object, String kid, String alg, String status, Instant createdAt, Instant activatesAt,
		Instant retiredAt, Instant removedAt) {

	static KeyDescription of(RingKey key, Instant now, Duration retention) {
		KeyLifecycle lifecycle = key.lifecycle();
		return new KeyDescription("signing_key", key.kid(), key.algorithm().getName(),
				lifecycle.statusAt(now, retention).name().toLowerCase(Locale.ROOT), lifecycle.createdAt(),
				lifecycle.activatesAt(), lifecycle.retiredAt(), lifecycle.removedAt(retention));
	}

}
