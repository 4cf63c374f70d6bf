package dev.claimsmith.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.util.Base64URL;

/**
 * Signs EdDSA/Ed25519 (RFC 8037) through a JCA provider: Nimbus's own
 * {@code Ed25519Signer} always uses Tink, which is pure Java and several times slower
 * than a native provider. Ed25519 is deterministic, so the signature is byte for byte the
 * one Tink makes. Thread-safe: a {@link Signature} is taken per call.
 */
final class JcaEd25519Signer extends EdDSAProvider implements JWSSigner {

	private static final String ALGORITHM = "Ed25519";

	private final PrivateKey privateKey;

	/**
	 * A signer for one key.
	 * @param privateKey an Ed25519 private key of the provider later set on the context
	 */
	JcaEd25519Signer(PrivateKey privateKey) {
		this.privateKey = privateKey;
	}

	@Override
	public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
		if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
			throw new JOSEException(
					AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(), supportedJWSAlgorithms()));
		}
		try {
			Provider provider = getJCAContext().getProvider();
			Signature signature = (provider != null) ? Signature.getInstance(ALGORITHM, provider)
					: Signature.getInstance(ALGORITHM);
			signature.initSign(this.privateKey);
			signature.update(signingInput);
			return Base64URL.encode(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new JOSEException("Ed25519 signing failed: " + ex.getMessage(), ex);
		}
	}

}
