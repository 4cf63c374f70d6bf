package dev.claimsmith.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Which keys Claimsmith accepts in its key file, and with which algorithm each one signs:
 * RSA of at least 2048 bits for RS256, P-256 for ES256, Ed25519 for EdDSA or Ed25519.
 * Symmetric keys are refused outright: anyone able to verify with them could also mint.
 */
final class KeyPolicy {

	static final int MIN_RSA_BITS = 2048;

	private KeyPolicy() {
	}

	/** The algorithm {@code jwk} signs with; throws when the key is not acceptable. */
	static JWSAlgorithm algorithmOf(JWK jwk) {
		String kid = jwk.getKeyID();
		if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
			throw unusable(kid, "is for use '" + jwk.getKeyUse().identifier() + "', not signing ('sig')");
		}
		JWSAlgorithm expected = expectedAlgorithm(jwk);
		if (jwk.getAlgorithm() == null) {
			return expected;
		}
		JWSAlgorithm declared = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
		boolean eddsa = JWSAlgorithm.EdDSA.equals(expected) && JWSAlgorithm.Ed25519.equals(declared);
		if (!declared.equals(expected) && !eddsa) {
			throw unusable(kid, "declares alg " + declared + ", but Claimsmith signs with " + expected + " keys of "
					+ "this type only");
		}
		return declared;
	}

	private static JWSAlgorithm expectedAlgorithm(JWK jwk) {
		String kid = jwk.getKeyID();
		if (jwk instanceof RSAKey rsa) {
			if (rsa.size() < MIN_RSA_BITS) {
				throw unusable(kid, "is RSA-" + rsa.size() + "; RSA keys need at least " + MIN_RSA_BITS + " bits");
			}
			return JWSAlgorithm.RS256;
		}
		if (jwk instanceof ECKey ec) {
			if (!Curve.P_256.equals(ec.getCurve())) {
				throw unusable(kid, "is on curve " + ec.getCurve() + "; EC keys must be on P-256 (ES256)");
			}
			return JWSAlgorithm.ES256;
		}
		if (jwk instanceof OctetKeyPair okp) {
			if (!Curve.Ed25519.equals(okp.getCurve())) {
				throw unusable(kid, "is on curve " + okp.getCurve() + "; OKP keys must be on Ed25519 (EdDSA)");
			}
			return JWSAlgorithm.EdDSA;
		}
		throw unusable(kid, "is a " + jwk.getKeyType() + " key; symmetric keys cannot sign tokens that others "
				+ "verify without being able to mint them");
	}

	static UnusableKeyException unusable(String kid, String problem) {
		return new UnusableKeyException("Key '" + kid + "' in " + KeyFile.FILE_NAME + " " + problem
				+ ". Remove it from the keys folder (rotate first if it is in use).");
	}

}
