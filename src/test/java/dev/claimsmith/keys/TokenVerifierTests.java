package dev.claimsmith.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.claimsmith.MutableClock;
import dev.claimsmith.keys.TokenVerifier.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenVerifierTests {

	@TempDir
	Path dir;

	private final MutableClock clock = MutableClock.stoppedNow();

	private SigningKeys keys;

	private TokenVerifier verifier;

	@BeforeEach
	void start() {
		this.keys = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		this.verifier = new TokenVerifier(this.keys, TestKeys.issuer(), TestKeys.properties(this.dir), this.clock);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA", "Ed25519" })
	void verifyWhenSignedByActiveKeyThenAccepted(String algorithm) {
		SigningKeys keys = TestKeys
			.loaded(TestKeys.properties(this.dir.resolve(algorithm), JWSAlgorithm.parse(algorithm)), this.clock);
		TokenVerifier verifier = new TokenVerifier(keys, TestKeys.issuer(), TestKeys.properties(this.dir), this.clock);
		JWTClaimsSet claims = TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5));
		assertThat(verifier.verify(TestKeys.sign(keys, claims)))
			.hasValueSatisfying((verified) -> assertThat(verified.getSubject()).isEqualTo(claims.getSubject()));
	}

	@Test
	void verifyWhenPayloadTamperedThenRejected() {
		String[] parts = token().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"sub\":\"user_",
				"\"sub\":\"admin_");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertRejected(tampered, Rejection.BAD_SIGNATURE);
	}

	@Test
	void verifyWhenSignatureSwappedWithAnotherTokensThenRejected() {
		String[] one = token().split("\\.");
		String[] other = token().split("\\.");
		assertRejected(one[0] + "." + one[1] + "." + other[2], Rejection.BAD_SIGNATURE);
	}

	@Test
	void verifyWhenAlgNoneThenRejected() {
		String[] parts = token().split("\\.");
		String header = "{\"alg\":\"none\",\"kid\":\"" + this.keys.active().kid() + "\",\"typ\":\"JWT\"}";
		String unsecured = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes()) + "." + parts[1]
				+ ".";
		assertRejected(unsecured, Rejection.MALFORMED);
		assertRejected(unsecured + parts[2], Rejection.MALFORMED);
	}

	@Test
	void verifyWhenHs256SignedWithOurRsaPublicKeyAsSecretThenRejected() throws Exception {
		RSAKey published = (RSAKey) this.keys.publicJwkSet().getKeys().get(0);
		for (byte[] secret : new byte[][] { published.toRSAPublicKey().getEncoded(),
				published.toJSONString().getBytes(), pem(published.toRSAPublicKey().getEncoded()).getBytes() }) {
			SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)));
			forged.sign(new MACSigner(secret));
			assertRejected(forged.serialize(), Rejection.ALGORITHM_MISMATCH);
		}
	}

	@Test
	void verifyWhenKidUnknownThenRejected() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
		assertRejected(signWith(attacker, attacker.getKeyID()), Rejection.UNKNOWN_KEY);
	}

	@Test
	void verifyWhenKidMissingThenRejected() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).generate();
		assertRejected(signWith(attacker, null), Rejection.UNKNOWN_KEY);
	}

	@Test
	void verifyWhenOurKidButAttackerKeyEmbeddedInHeaderThenRejected() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.keys.active().kid())
			.jwk(attacker.toPublicJWK())
			.build(), TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)));
		forged.sign(new RSASSASigner(attacker));
		assertRejected(forged.serialize(), Rejection.BAD_SIGNATURE);
	}

	@Test
	void verifyWhenExpiredThenRejected() {
		String token = TestKeys.sign(this.keys, TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)));
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(29));
		assertThat(this.verifier.verify(token)).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertRejected(token, Rejection.EXPIRED);
	}

	@Test
	void verifyWhenNoExpiryThenRejected() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestKeys.ISSUER).subject("user_1").build();
		assertRejected(TestKeys.sign(this.keys, claims), Rejection.MISSING_CLAIM);
	}

	@Test
	void verifyWhenOtherIssuerThenRejected() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)))
			.issuer("https://evil.test")
			.build();
		assertRejected(TestKeys.sign(this.keys, claims), Rejection.WRONG_ISSUER);
	}

	@Test
	void verifyWhenNotAJwtThenRejected() {
		assertRejected("", Rejection.MALFORMED);
		assertRejected("abc", Rejection.MALFORMED);
		assertRejected("a.b.c", Rejection.MALFORMED);
		assertRejected(null, Rejection.MALFORMED);
		assertRejected("x".repeat(20_000), Rejection.MALFORMED);
	}

	private String token() {
		return TestKeys.sign(this.keys, TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)));
	}

	private String signWith(RSAKey key, String kid) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
				TestKeys.claims(this.clock.instant(), Duration.ofMinutes(5)));
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private void assertRejected(String token, Rejection reason) {
		assertThat(this.verifier.check(token).rejection()).isEqualTo(reason);
		assertThat(this.verifier.verify(token)).isEmpty();
	}

	private static String pem(byte[] der) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
	}

}
