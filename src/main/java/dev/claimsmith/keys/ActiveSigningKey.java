package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;

/**
 * The key that signs right now, ready to use: the signer and the header (with its
 * Base64URL encoding) are built once when the key is loaded, so minting does no key
 * loading, parsing or header encoding. The signer is thread-safe. Ask
 * {@link SigningKeys#active()} for each token rather than keeping this: the active key
 * changes at rotation.
 *
 * @param kid the key id, published in the JWKS before this key signed anything
 * @param algorithm the JWS algorithm, equal to {@code header().getAlgorithm()}
 * @param signer signs with the private key
 * @param header {@code alg}, {@code kid} and {@code typ: JWT}, holding its encoded form
 */
public record ActiveSigningKey(String kid, JWSAlgorithm algorithm, JWSSigner signer, JWSHeader header) {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	static ActiveSigningKey of(String kid, JWSAlgorithm algorithm, JWSSigner signer) {
		JWSHeader built = new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build();
		try {
			// A parsed header keeps its encoding, so toBase64URL() no longer
			// serializes it for every token.
			return new ActiveSigningKey(kid, algorithm, signer, JWSHeader.parse(built.toBase64URL()));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Nimbus could not parse the header it built", ex);
		}
	}

	/**
	 * Signs a JWT payload: the compact serialization of RFC 7515 §7.1,
	 * {@code header.payload.signature}, each part Base64URL-encoded. The payload is the
	 * token's claims as UTF-8 JSON; it is not secret, so it is encoded with the JDK's
	 * encoder rather than Nimbus's constant-time one, which showed in mint profiles
	 * (bench/README.md).
	 * @throws IllegalStateException if the signer fails (a broken key or provider)
	 */
	public String sign(byte[] payloadJson) {
		String signingInput = this.header.toBase64URL() + "." + BASE64URL.encodeToString(payloadJson);
		try {
			return signingInput + "." + this.signer.sign(this.header, signingInput.getBytes(StandardCharsets.US_ASCII));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing with key " + this.kid + " failed", ex);
		}
	}

	@Override
	public String toString() {
		return "ActiveSigningKey[kid=" + this.kid + ", algorithm=" + this.algorithm + "]";
	}

}
