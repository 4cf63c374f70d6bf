package dev.claimsmith.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SigningKeysStoreTests {

	private static final List<String> PRIVATE_PARAMETERS = List.of("d", "p", "q", "dp", "dq", "qi", "k");

	@TempDir
	Path temp;

	private final MutableClock clock = MutableClock.stoppedNow();

	@Test
	void startWhenFolderMissingThenGeneratesKeyFileWithMode600InFolderWithMode700() throws Exception {
		Path dir = this.temp.resolve("keys");
		TestKeys.loaded(TestKeys.properties(dir), this.clock);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwks.json"))))
			.isEqualTo("rw-------");
	}

	@Test
	void startWhenFolderAndFileLooseThenTightened() throws Exception {
		Path dir = this.temp.resolve("keys");
		TestKeys.loaded(TestKeys.properties(dir), this.clock);
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(dir.resolve("jwks.json"), PosixFilePermissions.fromString("rw-r--r--"));
		TestKeys.loaded(TestKeys.properties(dir), this.clock);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwks.json"))))
			.isEqualTo("rw-------");
	}

	@Test
	void startWhenKeyFileExistsThenKeepsItsActiveKey() {
		Path dir = this.temp.resolve("keys");
		String kid = TestKeys.loaded(TestKeys.properties(dir), this.clock).active().kid();
		assertThat(TestKeys.loaded(TestKeys.properties(dir), this.clock).active().kid()).isEqualTo(kid);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA", "Ed25519" })
	void activeWhenAlgorithmConfiguredThenSignsWithItAndHeaderNamesKidAndType(String algorithm) {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.temp, JWSAlgorithm.parse(algorithm)), this.clock);
		ActiveSigningKey active = keys.active();
		assertThat(active.algorithm().getName()).isEqualTo(algorithm);
		assertThat(active.header().getAlgorithm()).isEqualTo(active.algorithm());
		assertThat(active.header().getKeyID()).isEqualTo(active.kid());
		assertThat(active.header().getType().getType()).isEqualTo("JWT");
		assertThat(keys.active()).isSameAs(active);
		assertThat(active.toString()).doesNotContain("\"d\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void signThenCompactJwsOfExactlyThePayloadThatTheJdkVerifies(String algorithm) throws Exception {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.temp, JWSAlgorithm.parse(algorithm)), this.clock);
		ActiveSigningKey active = keys.active();
		byte[] payload = "{\"sub\":\"user_1\",\"name\":\"Zoë <&> \\\"q\\\" ?~\"}".getBytes(StandardCharsets.UTF_8);

		String token = active.sign(payload);

		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3).allSatisfy((part) -> assertThat(part).matches("[A-Za-z0-9_-]+"));
		JWSObject parsed = JWSObject.parse(token);
		assertThat(parsed.getPayload().toBytes()).isEqualTo(payload);
		assertThat(parsed.getHeader().toJSONObject()).containsOnly(entry("alg", algorithm), entry("kid", active.kid()),
				entry("typ", "JWT"));
		JWK published = keys.publicJwkSet().getKeyByKeyId(active.kid());
		assertThat(SignatureProvidersTests.jdkVerifies(published, token)).isTrue();
		String otherPayload = Base64URL.encode("{\"sub\":\"user_2\"}").toString();
		assertThat(SignatureProvidersTests.jdkVerifies(published, parts[0] + "." + otherPayload + "." + parts[2]))
			.isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA", "Ed25519" })
	void jwksWhenAlgorithmConfiguredThenHasNoPrivateParameters(String algorithm) throws Exception {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.temp, JWSAlgorithm.parse(algorithm)), this.clock);
		keys.rotate();
		String json = keys.publishedJwks().json();
		List<Object> published = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(json), "keys");
		assertThat(published).hasSize(2);
		for (Object key : published) {
			@SuppressWarnings("unchecked")
			Map<String, Object> members = (Map<String, Object>) key;
			assertThat(members.keySet()).doesNotContainAnyElementsOf(PRIVATE_PARAMETERS).contains("kid", "alg", "use");
		}
		assertThat(JWKSet.parse(json).containsNonPublicKeys()).isFalse();
		assertThat(keys.publicJwkSet().containsNonPublicKeys()).isFalse();
		String file = Files.readString(this.temp.resolve("jwks.json"));
		assertThat(JWKSet.parse(file).containsNonPublicKeys()).isTrue();
	}

	@Test
	void jwksWhenRs256ThenX5cIsCertificateOfTheKeyWithMatchingThumbprint() throws Exception {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.temp), this.clock);
		RSAKey jwk = (RSAKey) JWKSet.parse(keys.publishedJwks().json()).getKeys().get(0);
		byte[] der = jwk.getX509CertChain().get(0).decode();
		X509Certificate certificate = X509CertUtils.parseWithException(der);
		RSAPublicKey certified = (RSAPublicKey) certificate.getPublicKey();
		assertThat(certified.getModulus()).isEqualTo(jwk.toRSAPublicKey().getModulus());
		assertThat(certified.getPublicExponent()).isEqualTo(jwk.toRSAPublicKey().getPublicExponent());
		certificate.verify(certified);
		certificate.checkValidity();
		Base64URL thumbprint = Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der));
		assertThat(jwk.getX509CertSHA256Thumbprint()).isEqualTo(thumbprint);
		assertThat(jwk.getModulus().decodeToBigInteger().bitLength()).isEqualTo(2048);
		assertThat(certified.getModulus()).isNotEqualTo(BigInteger.ZERO);
	}

	@Test
	void kidWhenGeneratedThenIsTheRfc7638Thumbprint() throws Exception {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.temp), this.clock);
		JWK jwk = keys.publicJwkSet().getKeys().get(0);
		assertThat(jwk.getKeyID()).isEqualTo(jwk.computeThumbprint().toString());
	}

}
