package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds signers on the first JCA provider that loads and signs correctly here, in a
 * fixed order per key type; the order is not chosen at run time but was measured offline
 * on this project's 2-core x86_64 machines (see {@code bench/README.md}): Amazon Corretto
 * Crypto Provider (AWS-LC) signs RS256 and ES256 fastest, Conscrypt (BoringSSL) Ed25519;
 * each is some 1.0–1.4 × {@code openssl speed}, where the JDK's providers and Tink reach
 * 0.03–0.6 ×.
 * <p>
 * Providers are handed to each signer through its JCA context and never installed in
 * {@link java.security.Security}, so no other code changes behaviour. A provider that
 * does not load (another platform, a missing native library) is skipped; a signer whose
 * signature the JDK-provider verifier rejects is replaced by the JDK's own. Immutable and
 * thread-safe; the signers it builds are thread-safe.
 */
final class SignatureProviders {

	private static final SecureRandom SHARED_RANDOM = new SecureRandom();

	private static final Logger logger = LoggerFactory.getLogger(SignatureProviders.class);

	/** PKCS#8 wrapping of a 32-byte Ed25519 seed (RFC 8410, section 7). */
	private static final byte[] ED25519_PKCS8_PREFIX = { 0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b,
			0x65, 0x70, 0x04, 0x22, 0x04, 0x20 };

	private static final byte[] PROBE = "claimsmith signer self-check".getBytes(StandardCharsets.US_ASCII);

	private final Optional<Provider> rsa;

	private final Optional<Provider> ec;

	private final Optional<Provider> ed25519;

	SignatureProviders(Optional<Provider> rsa, Optional<Provider> ec, Optional<Provider> ed25519) {
		this.rsa = rsa;
		this.ec = ec;
		this.ed25519 = ed25519;
	}

	/** The JDK's providers (and Tink for EdDSA): Nimbus's defaults. */
	static SignatureProviders jdk() {
		return new SignatureProviders(Optional.empty(), Optional.empty(), Optional.empty());
	}

	static SignatureProviders of(KeysProperties.ProviderChoice choice) {
		return (choice == KeysProperties.ProviderChoice.JDK) ? jdk()
				: fastestOf(SignatureProviders::corretto, SignatureProviders::conscrypt);
	}

	/**
	 * The fastest measured order: Corretto then Conscrypt for RSA and EC, Conscrypt then
	 * Corretto for Ed25519; each falls back to the JDK when neither loads.
	 */
	static SignatureProviders fastestOf(Supplier<Optional<Provider>> corretto, Supplier<Optional<Provider>> conscrypt) {
		Optional<Provider> amazon = corretto.get();
		Optional<Provider> boring = conscrypt.get();
		Optional<Provider> either = amazon.or(() -> boring);
		return new SignatureProviders(either, either, boring.or(() -> amazon));
	}

	/**
	 * A signer for the private {@code jwk} on the chosen provider, checked once against
	 * {@code jdkVerifier}; the JDK's signer when that check or the provider fails.
	 */
	JWSSigner signer(JWK jwk, JWSAlgorithm algorithm, JWSVerifier jdkVerifier) throws JOSEException {
		Optional<Provider> provider = providerFor(jwk);
		if (provider.isPresent()) {
			try {
				JWSSigner signer = withSharedRandom(nativeSigner(jwk, provider.get()));
				if (verifies(signer, algorithm, jdkVerifier)) {
					return signer;
				}
				logger.warn("Key {}: {} signature not accepted by the JDK verifier; signing with the JDK",
						jwk.getKeyID(), provider.get().getName());
			}
			catch (JOSEException | GeneralSecurityException | RuntimeException ex) {
				logger.warn("Key {}: cannot sign with {} ({}); signing with the JDK", jwk.getKeyID(),
						provider.get().getName(), ex.toString());
			}
		}
		return withSharedRandom(jdkSigner(jwk));
	}

	/**
	 * Without a SecureRandom in its JCA context, a Nimbus signer creates one for every
	 * signature; SecureRandom is thread-safe, so one serves every signer.
	 */
	private static JWSSigner withSharedRandom(JWSSigner signer) {
		signer.getJCAContext().setSecureRandom(SHARED_RANDOM);
		return signer;
	}

	/** For the start-up log: which provider signs what. */
	String describe() {
		List<String> parts = new ArrayList<>();
		parts.add("RS256 " + name(this.rsa));
		parts.add("ES256 " + name(this.ec));
		parts.add("EdDSA " + this.ed25519.map(Provider::getName).orElse("Tink"));
		return String.join(", ", parts);
	}

	Optional<Provider> providerFor(JWK jwk) {
		if (jwk instanceof RSAKey) {
			return this.rsa;
		}
		if (jwk instanceof ECKey) {
			return this.ec;
		}
		return this.ed25519;
	}

	static JWSSigner jdkSigner(JWK jwk) throws JOSEException {
		if (jwk instanceof RSAKey rsaKey) {
			return new RSASSASigner(rsaKey);
		}
		if (jwk instanceof ECKey ecKey) {
			return new ECDSASigner(ecKey);
		}
		return new Ed25519Signer((OctetKeyPair) jwk);
	}

	/**
	 * The private key is translated into the provider's own form once here, not on every
	 * signature.
	 */
	private static JWSSigner nativeSigner(JWK jwk, Provider provider) throws JOSEException, GeneralSecurityException {
		JWSSigner signer;
		if (jwk instanceof RSAKey rsaKey) {
			PrivateKey key = (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(rsaKey.toPrivateKey());
			signer = new RSASSASigner(key);
		}
		else if (jwk instanceof ECKey ecKey) {
			PrivateKey key = (PrivateKey) KeyFactory.getInstance("EC", provider).translateKey(ecKey.toPrivateKey());
			signer = new ECDSASigner(key, ecKey.getCurve());
		}
		else {
			signer = new JcaEd25519Signer(ed25519Key((OctetKeyPair) jwk, provider));
		}
		signer.getJCAContext().setProvider(provider);
		return signer;
	}

	private static PrivateKey ed25519Key(OctetKeyPair okp, Provider provider) throws GeneralSecurityException {
		byte[] seed = okp.getDecodedD();
		byte[] pkcs8 = new byte[ED25519_PKCS8_PREFIX.length + seed.length];
		System.arraycopy(ED25519_PKCS8_PREFIX, 0, pkcs8, 0, ED25519_PKCS8_PREFIX.length);
		System.arraycopy(seed, 0, pkcs8, ED25519_PKCS8_PREFIX.length, seed.length);
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
		// Providers name this key factory differently; Corretto has none but signs with
		// the JDK's key.
		for (String name : List.of("Ed25519", "EdDSA")) {
			try {
				return KeyFactory.getInstance(name, provider).generatePrivate(spec);
			}
			catch (NoSuchAlgorithmException ex) {
				// Try the next name.
			}
		}
		return KeyFactory.getInstance("Ed25519").generatePrivate(spec);
	}

	private static boolean verifies(JWSSigner signer, JWSAlgorithm algorithm, JWSVerifier jdkVerifier)
			throws JOSEException {
		JWSHeader header = new JWSHeader(algorithm);
		Base64URL signature = signer.sign(header, PROBE);
		return jdkVerifier.verify(header, PROBE, signature);
	}

	private static String name(Optional<Provider> provider) {
		return provider.map(Provider::getName).orElse("JDK");
	}

	/**
	 * Amazon Corretto Crypto Provider, when its native library loads and passes its self
	 * tests on this platform.
	 */
	static Optional<Provider> corretto() {
		try {
			AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
			if (provider.getLoadingError() != null) {
				logger.debug("Amazon Corretto Crypto Provider unavailable", provider.getLoadingError());
				return Optional.empty();
			}
			provider.assertHealthy();
			return Optional.of(provider);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Amazon Corretto Crypto Provider unavailable", ex);
			return Optional.empty();
		}
	}

	/** Conscrypt, when its native library loads on this platform. */
	static Optional<Provider> conscrypt() {
		try {
			return Conscrypt.isAvailable() ? Optional.of(Conscrypt.newProvider()) : Optional.empty();
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Conscrypt unavailable", ex);
			return Optional.empty();
		}
	}

}
