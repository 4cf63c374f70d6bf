package dev.claimsmith.keys;

import java.security.Provider;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signing keys for the benchmarks, built exactly as the service builds them, on a chosen
 * provider: {@code auto} (what the service picks), {@code jdk}, {@code corretto} or
 * {@code conscrypt} (one native provider for every key type, to compare them).
 */
public final class BenchKeys {

	private BenchKeys() {
	}

	public static ActiveSigningKey signingKey(String algorithmName, String providerName) {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(algorithmName);
		JWK jwk = KeyGenerator.generate(algorithm, Instant.now(), Instant.now()).jwk();
		SignatureProviders providers = providers(providerName);
		try {
			JWSSigner signer = providers.signer(jwk, algorithm, verifier(jwk));
			Provider expected = providers.providerFor(jwk).orElse(null);
			if (signer.getJCAContext().getProvider() != expected) {
				throw new IllegalStateException(providerName + " cannot sign " + algorithmName + " here");
			}
			return ActiveSigningKey.of(jwk.getKeyID(), algorithm, signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The provider that signs {@code algorithmName} under {@code providerName}. */
	public static String providerName(String algorithmName, String providerName) {
		JWK jwk = KeyGenerator.generate(JWSAlgorithm.parse(algorithmName), Instant.now(), Instant.now()).jwk();
		return providers(providerName).providerFor(jwk).map(Provider::getName).orElse("JDK/Tink");
	}

	private static SignatureProviders providers(String name) {
		return switch (name) {
			case "auto" -> SignatureProviders.of(KeysProperties.ProviderChoice.AUTO);
			case "jdk" -> SignatureProviders.jdk();
			case "corretto" -> only(SignatureProviders.corretto());
			case "conscrypt" -> only(SignatureProviders.conscrypt());
			default -> throw new IllegalArgumentException("Unknown provider " + name);
		};
	}

	private static SignatureProviders only(Optional<Provider> provider) {
		if (provider.isEmpty()) {
			throw new IllegalStateException("Provider does not load on this machine");
		}
		return new SignatureProviders(provider, provider, provider);
	}

	private static com.nimbusds.jose.JWSVerifier verifier(JWK jwk) throws JOSEException {
		if (jwk instanceof RSAKey rsa) {
			return new RSASSAVerifier(rsa.toPublicJWK());
		}
		if (jwk instanceof ECKey ec) {
			return new ECDSAVerifier(ec.toPublicJWK());
		}
		return new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK());
	}

}
