package dev.claimsmith.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Key settings and tokens for tests: always a temporary folder, never the repo's keys/.
 */
final class TestKeys {

	static final String ISSUER = "https://claimsmith.test";

	static final Duration PRE_PUBLISH_DELAY = Duration.ofMinutes(5);

	static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

	static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

	private TestKeys() {
	}

	static KeysProperties properties(Path dir) {
		return properties(dir, JWSAlgorithm.RS256);
	}

	static KeysProperties properties(Path dir, JWSAlgorithm algorithm) {
		return new KeysProperties(dir, algorithm, PRE_PUBLISH_DELAY, MAX_TOKEN_LIFETIME, RELOAD_INTERVAL,
				Duration.ofSeconds(30), KeysProperties.ProviderChoice.AUTO);
	}

	/** Signing keys as the application has them after start-up: loaded. */
	static SigningKeys loaded(KeysProperties properties, Clock clock) {
		SigningKeys keys = new SigningKeys(properties, clock);
		keys.load();
		return keys;
	}

	static IssuerProperties issuer() {
		return new IssuerProperties(ISSUER, "client_test");
	}

	/**
	 * A token as minting will make it: header from the active key, {@code exp} in a
	 * minute.
	 */
	static String sign(SigningKeys keys, Clock clock) {
		return sign(keys, claims(clock.instant(), Duration.ofMinutes(1)));
	}

	static String sign(SigningKeys keys, JWTClaimsSet claims) {
		ActiveSigningKey active = keys.active();
		SignedJWT jwt = new SignedJWT(active.header(), claims);
		try {
			jwt.sign(active.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	static JWTClaimsSet claims(Instant issuedAt, Duration lifetime) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user_" + UUID.randomUUID())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
	}

}
