package dev.claimsmith.keys;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;

/**
 * Generates signing keys. The {@code kid} is the key's RFC 7638 thumbprint: unique per
 * key material and recomputable by anyone holding the public key.
 */
final class KeyGenerator {

	private KeyGenerator() {
	}

	static StoredKey generate(JWSAlgorithm algorithm, Instant createdAt, Instant activatesAt) {
		try {
			return new StoredKey(jwk(algorithm, createdAt), new KeyLifecycle(createdAt, activatesAt, null));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a " + algorithm + " key", ex);
		}
	}

	private static JWK jwk(JWSAlgorithm algorithm, Instant createdAt) throws JOSEException {
		if (JWSAlgorithm.RS256.equals(algorithm)) {
			RSAKey key = new RSAKeyGenerator(KeyPolicy.MIN_RSA_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.keyIDFromThumbprint(true)
				.generate();
			return withCertificate(key, createdAt);
		}
		if (JWSAlgorithm.ES256.equals(algorithm)) {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.keyIDFromThumbprint(true)
				.generate();
		}
		if (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm)) {
			return new OctetKeyPairGenerator(Curve.Ed25519).keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.keyIDFromThumbprint(true)
				.generate();
		}
		throw new IllegalArgumentException("Unsupported algorithm " + algorithm);
	}

	/**
	 * Adds {@code x5c} and its {@code x5t#S256}; the kid (a thumbprint of n and e) is
	 * unchanged.
	 */
	private static RSAKey withCertificate(RSAKey key, Instant createdAt) throws JOSEException {
		byte[] der = SelfSignedCertificate.create(key.toKeyPair(), key.getKeyID(), createdAt);
		return new RSAKey.Builder(key).x509CertChain(List.of(Base64.encode(der)))
			.x509CertSHA256Thumbprint(X509CertUtils.computeSHA256Thumbprint(X509CertUtils.parse(der)))
			.build();
	}

}
