package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SignatureProvidersTests {

	/** The native libraries ship for this platform, so there they must load. */
	private static final boolean NATIVE_PLATFORM = System.getProperty("os.name").startsWith("Linux")
			&& System.getProperty("os.arch").equals("amd64");

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA", "Ed25519" })
	void signWhenAutoThenNativeProviderSignsAndJdkVerifies(String name) throws Exception {
		assumeTrue(NATIVE_PLATFORM, "native providers ship for linux-x86_64");
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		SignatureProviders auto = SignatureProviders.of(KeysProperties.ProviderChoice.AUTO);
		assertThat(auto.providerFor(jwk)).isPresent();
		JWSSigner signer = auto.signer(jwk, algorithm, nimbusVerifier(jwk));
		assertThat(signer.getJCAContext().getProvider()).isSameAs(auto.providerFor(jwk).get());
		for (int i = 0; i < 20; i++) {
			assertThat(jdkVerifies(jwk, token(signer, jwk, algorithm))).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signWhenOnlyOneNativeProviderLoadsThenItSignsEveryAlgorithm(String name) throws Exception {
		assumeTrue(NATIVE_PLATFORM, "native providers ship for linux-x86_64");
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		for (SignatureProviders one : List.of(
				SignatureProviders.fastestOf(SignatureProviders::corretto, Optional::empty),
				SignatureProviders.fastestOf(Optional::empty, SignatureProviders::conscrypt))) {
			JWSSigner signer = one.signer(jwk, algorithm, nimbusVerifier(jwk));
			assertThat(signer.getJCAContext().getProvider()).isNotNull().isSameAs(one.providerFor(jwk).get());
			assertThat(jdkVerifies(jwk, token(signer, jwk, algorithm))).isTrue();
		}
	}

	@Test
	void autoThenFastestMeasuredProviderPerKeyType() {
		assumeTrue(NATIVE_PLATFORM, "native providers ship for linux-x86_64");
		assertThat(SignatureProviders.of(KeysProperties.ProviderChoice.AUTO).describe())
			.isEqualTo("RS256 AmazonCorrettoCryptoProvider, ES256 AmazonCorrettoCryptoProvider, EdDSA Conscrypt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "EdDSA" })
	void signWhenDeterministicAlgorithmThenSameSignatureAsJdk(String name) throws Exception {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		JWSSigner chosen = SignatureProviders.of(KeysProperties.ProviderChoice.AUTO)
			.signer(jwk, algorithm, nimbusVerifier(jwk));
		JWSSigner jdk = SignatureProviders.jdkSigner(jwk);
		JWSHeader header = header(jwk, algorithm);
		byte[] input = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1c2VyXzEifQ".getBytes(StandardCharsets.US_ASCII);
		assertThat(chosen.sign(header, input)).isEqualTo(jdk.sign(header, input));
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signWhenProviderJdkThenJdkSignersEvenWhereNativeLoads(String name) throws Exception {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		SignatureProviders jdk = SignatureProviders.of(KeysProperties.ProviderChoice.JDK);
		JWSSigner signer = jdk.signer(jwk, algorithm, nimbusVerifier(jwk));
		assertThat(signer.getJCAContext().getProvider()).isNull();
		assertThat(signer).isInstanceOfAny(RSASSASigner.class, ECDSASigner.class, Ed25519Signer.class);
		assertThat(jdk.describe()).isEqualTo("RS256 JDK, ES256 JDK, EdDSA Tink");
		assertThat(jdkVerifies(jwk, token(signer, jwk, algorithm))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signWhenNoNativeProviderLoadsThenJdk(String name) throws Exception {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		SignatureProviders unavailable = SignatureProviders.fastestOf(Optional::empty, Optional::empty);
		assertThat(unavailable.describe()).isEqualTo("RS256 JDK, ES256 JDK, EdDSA Tink");
		JWSSigner signer = unavailable.signer(jwk, algorithm, nimbusVerifier(jwk));
		assertThat(signer.getJCAContext().getProvider()).isNull();
		assertThat(jdkVerifies(jwk, token(signer, jwk, algorithm))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signWhenProviderLacksTheAlgorithmThenJdk(String name) throws Exception {
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		Provider empty = new Provider("Empty", "1", "offers nothing") {
		};
		SignatureProviders broken = new SignatureProviders(Optional.of(empty), Optional.of(empty), Optional.of(empty));
		JWSSigner signer = broken.signer(jwk, algorithm, nimbusVerifier(jwk));
		assertThat(signer.getJCAContext().getProvider()).isNull();
		assertThat(jdkVerifies(jwk, token(signer, jwk, algorithm))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signWhenNativeSignatureRejectedByJdkVerifierThenJdk(String name) throws Exception {
		assumeTrue(NATIVE_PLATFORM, "native providers ship for linux-x86_64");
		JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
		JWK jwk = generate(algorithm);
		JWK otherKey = generate(algorithm);
		JWSSigner signer = SignatureProviders.of(KeysProperties.ProviderChoice.AUTO)
			.signer(jwk, algorithm, nimbusVerifier(otherKey));
		assertThat(signer.getJCAContext().getProvider()).isNull();
	}

	private static JWK generate(JWSAlgorithm algorithm) {
		return KeyGenerator.generate(algorithm, Instant.now(), Instant.now()).jwk();
	}

	private static JWSHeader header(JWK jwk, JWSAlgorithm algorithm) {
		return new JWSHeader.Builder(algorithm).keyID(jwk.getKeyID()).type(JOSEObjectType.JWT).build();
	}

	private static String token(JWSSigner signer, JWK jwk, JWSAlgorithm algorithm) throws JOSEException {
		JWSObject jws = new JWSObject(header(jwk, algorithm),
				new Payload("{\"sub\":\"user_" + UUID.randomUUID() + "\",\"exp\":1}"));
		jws.sign(signer);
		return jws.serialize();
	}

	private static JWSVerifier nimbusVerifier(JWK jwk) throws JOSEException {
		if (jwk instanceof RSAKey rsa) {
			return new RSASSAVerifier(rsa.toPublicJWK());
		}
		if (jwk instanceof ECKey ec) {
			return new ECDSAVerifier(ec.toPublicJWK());
		}
		return new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK());
	}

	/**
	 * Verifies with the JDK's own providers by name, independent of Nimbus: what any
	 * plain-Java verifier does.
	 */
	static boolean jdkVerifies(JWK jwk, String token) throws Exception {
		JWSObject jws = JWSObject.parse(token);
		Signature signature;
		PublicKey key;
		if (jwk instanceof RSAKey rsa) {
			signature = Signature.getInstance("SHA256withRSA", "SunRsaSign");
			key = rsa.toPublicKey();
		}
		else if (jwk instanceof ECKey ec) {
			signature = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
			key = ec.toPublicKey();
		}
		else {
			signature = Signature.getInstance("Ed25519", "SunEC");
			key = ed25519PublicKey((OctetKeyPair) jwk);
		}
		signature.initVerify(key);
		signature.update(jws.getSigningInput());
		return signature.verify(jws.getSignature().decode());
	}

	private static PublicKey ed25519PublicKey(OctetKeyPair okp) throws GeneralSecurityException {
		byte[] prefix = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
		byte[] x = okp.getDecodedX();
		byte[] encoded = new byte[prefix.length + x.length];
		System.arraycopy(prefix, 0, encoded, 0, prefix.length);
		System.arraycopy(x, 0, encoded, prefix.length, x.length);
		return KeyFactory.getInstance("Ed25519", "SunEC").generatePublic(new X509EncodedKeySpec(encoded));
	}

}
