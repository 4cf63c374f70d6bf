package dev.claimsmith.keys;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * A loaded key: validated, with its public JWK as published and its verifier (and, when
 * the private part is present, its signer) built once.
 *
 * @param signing the ready signer, or {@code null} for a public-only key
 */
record RingKey(String kid, JWSAlgorithm algorithm, KeyLifecycle lifecycle, JWK publicJwk, JWSVerifier verifier,
		ActiveSigningKey signing) {

	/**
	 * Validates {@code stored} and builds its crypto objects.
	 * @param mustSign whether the key signs now or will (active or pending): then its
	 * private part is required
	 * @param providers the JCA providers the signer is built on
	 */
	static RingKey load(StoredKey stored, boolean mustSign, SignatureProviders providers) {
		JWK jwk = stored.jwk();
		if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
			throw new UnusableKeyException("A key in " + KeyFile.FILE_NAME + " has no kid");
		}
		JWSAlgorithm algorithm = KeyPolicy.algorithmOf(jwk);
		if (mustSign && !jwk.isPrivate()) {
			throw KeyPolicy.unusable(jwk.getKeyID(), "is active or about to be, but has no private part");
		}
		JWK publicJwk = publicJwk(jwk, algorithm);
		try {
			JWSVerifier verifier = verifier(publicJwk);
			ActiveSigningKey signing = jwk.isPrivate()
					? ActiveSigningKey.of(jwk.getKeyID(), algorithm, providers.signer(jwk, algorithm, verifier)) : null;
			return new RingKey(jwk.getKeyID(), algorithm, stored.lifecycle(), publicJwk, verifier, signing);
		}
		catch (JOSEException ex) {
			throw KeyPolicy.unusable(jwk.getKeyID(), "cannot be used: " + ex.getMessage());
		}
	}

	KeyStatus statusAt(Instant now, Duration retention) {
		return this.lifecycle.statusAt(now, retention);
	}

	/**
	 * What verifiers get: the public part with {@code kid}, {@code alg} and {@code use}.
	 */
	private static JWK publicJwk(JWK jwk, JWSAlgorithm algorithm) {
		JWK publicJwk = jwk.toPublicJWK();
		if (publicJwk instanceof RSAKey rsa) {
			return new RSAKey.Builder(rsa).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		if (publicJwk instanceof ECKey ec) {
			return new ECKey.Builder(ec).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		OctetKeyPair okp = (OctetKeyPair) publicJwk;
		return new OctetKeyPair.Builder(okp).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
	}

	private static JWSVerifier verifier(JWK publicJwk) throws JOSEException {
		if (publicJwk instanceof RSAKey rsa) {
			return new RSASSAVerifier(rsa);
		}
		if (publicJwk instanceof ECKey ec) {
			return new ECDSAVerifier(ec);
		}
		return new Ed25519Verifier((OctetKeyPair) publicJwk);
	}

}
