package dev.claimsmith.keys;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;

/**
 * The key that signs right now, ready to use: the signer and the header are built once
 * when the key is loaded, so minting does no key loading or parsing. The signer is
 * thread-safe. Ask {@link SigningKeys#active()} for each token rather than keeping this:
 * the active key changes at rotation.
 *
 * @param kid the key id, published in the JWKS before this key signed anything
 * @param algorithm the JWS algorithm, equal to {@code header().getAlgorithm()}
 * @param signer signs with the private key
 * @param header {@code alg}, {@code kid} and {@code typ: JWT}
 */
public record ActiveSigningKey(String kid, JWSAlgorithm algorithm, JWSSigner signer, JWSHeader header) {

	static ActiveSigningKey of(String kid, JWSAlgorithm algorithm, JWSSigner signer) {
		JWSHeader header = new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build();
		return new ActiveSigningKey(kid, algorithm, signer, header);
	}

	@Override
	public String toString() {
		return "ActiveSigningKey[kid=" + this.kid + ", algorithm=" + this.algorithm + "]";
	}

}
