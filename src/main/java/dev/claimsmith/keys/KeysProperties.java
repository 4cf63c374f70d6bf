package dev.claimsmith.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the signing keys live and how they rotate.
 *
 * @param dir the folder holding the private JWK set ({@code jwks.json}); shared by every
 * instance of the service
 * @param algorithm the algorithm of newly generated keys: {@code RS256} (RSA 2048),
 * {@code ES256} (P-256), {@code EdDSA} or the fully specified {@code Ed25519} (RFC 9864),
 * both on curve Ed25519. An existing active key keeps its algorithm until the next
 * rotation.
 * @param prePublishDelay how long a new key is published in the JWKS before it signs. Ten
 * minutes by default: longer than a JWKS cache may hold the set (Spring Security's and
 * Nimbus's default is five minutes, and our {@code Cache-Control} allows at most that)
 * plus {@link #reloadInterval} for every instance to see the new key, so no verifier
 * meets a {@code kid} it has not fetched yet.
 * @param maxTokenLifetime the longest lifetime of any token we mint; a retired key stays
 * published this long (plus {@link #reloadInterval}) after it stopped signing
 * @param reloadInterval how often each instance checks the key file for changes made by
 * another instance
 * @param clockSkew leeway when {@link TokenVerifier} checks {@code exp} and {@code nbf}
 * @param provider which JCA provider signs: {@code auto} (the default) the fastest native
 * one that loads on this machine, else the JDK's; {@code jdk} always the JDK's (and Tink
 * for EdDSA). Keys and tokens are the same either way.
 */
@ConfigurationProperties("claimsmith.keys")
public record KeysProperties(@DefaultValue("./keys") Path dir, @DefaultValue("RS256") JWSAlgorithm algorithm,
		@DefaultValue("10m") Duration prePublishDelay, @DefaultValue("1h") Duration maxTokenLifetime,
		@DefaultValue("10s") Duration reloadInterval, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("auto") ProviderChoice provider) {

	static final Set<JWSAlgorithm> SUPPORTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256,
			JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

	/** The most a JWKS response may be cached: see {@link #prePublishDelay}. */
	private static final Duration MAX_JWKS_CACHE_AGE = Duration.ofMinutes(5);

	public KeysProperties {
		algorithm = JWSAlgorithm.parse(algorithm.getName());
		if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
			throw new IllegalArgumentException(
					"claimsmith.keys.algorithm must be one of RS256, ES256, EdDSA, Ed25519, not '" + algorithm + "'");
		}
		requireNotNegative("pre-publish-delay", prePublishDelay);
		requirePositive("max-token-lifetime", maxTokenLifetime);
		requirePositive("reload-interval", reloadInterval);
		requireNotNegative("clock-skew", clockSkew);
	}

	/**
	 * How long a retired key stays published: every token it signed has expired by then,
	 * including tokens an instance signed before it reloaded the rotation.
	 */
	Duration retention() {
		return this.maxTokenLifetime.plus(this.reloadInterval);
	}

	/**
	 * The JWKS {@code max-age}: short enough that a verifier's cached copy, fetched
	 * before a new key appeared on every instance, expires before that key signs.
	 */
	Duration jwksCacheMaxAge() {
		Duration age = this.prePublishDelay.minus(this.reloadInterval);
		return age.isNegative() ? Duration.ZERO : (age.compareTo(MAX_JWKS_CACHE_AGE) > 0) ? MAX_JWKS_CACHE_AGE : age;
	}

	/** The setting {@code claimsmith.keys.provider}. */
	public enum ProviderChoice {

		/** The fastest native provider that loads, else the JDK's. */
		AUTO,

		/** The JDK's providers only (and Tink for EdDSA, as Nimbus does by default). */
		JDK

	}

	private static void requireNotNegative(String name, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException("claimsmith.keys." + name + " must not be negative");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("claimsmith.keys." + name + " must be positive");
		}
	}

}
