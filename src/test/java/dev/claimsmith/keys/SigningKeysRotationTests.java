package dev.claimsmith.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.claimsmith.MutableClock;
import dev.claimsmith.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeysRotationTests {

	@TempDir
	Path dir;

	private final MutableClock clock = MutableClock.stoppedNow();

	@Test
	void rotateThenNewKeyIsPublishedBeforeItSignsAndOldTokensVerifyUntilRemoved() throws Exception {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		TokenVerifier verifier = new TokenVerifier(keys, TestKeys.issuer(), TestKeys.properties(this.dir), this.clock);
		String a = keys.active().kid();
		String tokenA = TestKeys.sign(keys, TestKeys.claims(this.clock.instant(), Duration.ofHours(1)));

		String b = keys.rotate();
		assertThat(kids(keys.publicJwkSet())).containsExactly(a, b);
		assertThat(keys.active().kid()).isEqualTo(a);
		assertSignsOnlyWithPublishedKey(keys);

		this.clock.advance(TestKeys.PRE_PUBLISH_DELAY.minusMillis(1));
		assertThat(keys.active().kid()).isEqualTo(a);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(keys.active().kid()).isEqualTo(b);
		assertSignsOnlyWithPublishedKey(keys);
		assertThat(verifier.verify(tokenA)).isPresent();
		assertThat(independentlyVerified(keys.publishedJwks().json(), tokenA)).isTrue();

		Duration retention = TestKeys.MAX_TOKEN_LIFETIME.plus(TestKeys.RELOAD_INTERVAL);
		this.clock.advance(retention.minusMillis(1));
		assertThat(kids(keys.publicJwkSet())).containsExactly(a, b);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(kids(keys.publicJwkSet())).containsExactly(b);
		assertThat(independentlyVerified(keys.publishedJwks().json(), tokenA)).isFalse();
		String tokenB = TestKeys.sign(keys, this.clock);
		assertThat(verifier.verify(tokenB)).isPresent();
		assertThat(independentlyVerified(keys.publishedJwks().json(), tokenB)).isTrue();
	}

	@Test
	void rotateWhenRetiredKeyOutlivedItsTokensThenPrunesItFromTheFile() {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		String a = keys.active().kid();
		keys.rotate();
		this.clock.advance(TestKeys.PRE_PUBLISH_DELAY.plus(TestKeys.MAX_TOKEN_LIFETIME).plusMinutes(1));
		keys.rotate();
		assertThat(keys.describe()).extracting(KeyDescription::kid).doesNotContain(a).hasSize(2);
	}

	@Test
	void rotateWhenAKeyIsStillPendingThenConflict() {
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		keys.rotate();
		assertThatExceptionOfType(ApiException.class).isThrownBy(keys::rotate)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("rotation_in_progress"));
	}

	@Test
	void rotateWhenAlgorithmChangedThenNewKeyUsesIt() {
		TestKeys.loaded(TestKeys.properties(this.dir, JWSAlgorithm.RS256), this.clock);
		SigningKeys keys = TestKeys.loaded(TestKeys.properties(this.dir, JWSAlgorithm.ES256), this.clock);
		assertThat(keys.active().algorithm()).isEqualTo(JWSAlgorithm.RS256);
		keys.rotate();
		this.clock.advance(TestKeys.PRE_PUBLISH_DELAY);
		assertThat(keys.active().algorithm()).isEqualTo(JWSAlgorithm.ES256);
	}

	@Test
	void rotateByOneInstanceThenOtherSeesItAfterReload() {
		SigningKeys one = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		SigningKeys two = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		String a = one.active().kid();
		assertThat(two.active().kid()).isEqualTo(a);
		assertThat(two.reloadIfChanged()).isFalse();

		String b = one.rotate();
		assertThat(two.reloadIfChanged()).isTrue();
		assertThat(kids(two.publicJwkSet())).containsExactly(a, b);
		this.clock.advance(TestKeys.PRE_PUBLISH_DELAY);
		assertThat(two.active().kid()).isEqualTo(b);
		assertThat(one.active().kid()).isEqualTo(b);
		assertThat(two.publishedJwks().etag()).isEqualTo(one.publishedJwks().etag());
	}

	@Test
	void rotateConcurrentlyByTwoInstancesThenExactlyOneNewKey() throws Exception {
		SigningKeys one = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		SigningKeys two = TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
		List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
		Thread first = new Thread(() -> outcomes.add(attempt(one)));
		Thread second = new Thread(() -> outcomes.add(attempt(two)));
		first.start();
		second.start();
		first.join();
		second.join();
		assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(ApiException.class::isInstance).hasSize(1);
		one.reloadIfChanged();
		assertThat(one.publicJwkSet().getKeys()).hasSize(2);
	}

	private static Object attempt(SigningKeys keys) {
		try {
			return keys.rotate();
		}
		catch (ApiException ex) {
			return ex;
		}
	}

	private static void assertSignsOnlyWithPublishedKey(SigningKeys keys) {
		assertThat(kids(keys.publicJwkSet())).contains(keys.active().kid());
	}

	private static List<String> kids(JWKSet set) {
		return set.getKeys().stream().map(JWK::getKeyID).toList();
	}

	/**
	 * Nimbus's own processor over nothing but the published JSON, as a resource server
	 * would.
	 */
	private static boolean independentlyVerified(String publishedJson, String token) {
		try {
			DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
			processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
					new ImmutableJWKSet<>(JWKSet.parse(publishedJson))));
			JWTClaimsSet claims = processor.process(SignedJWT.parse(token), null);
			return TestKeys.ISSUER.equals(claims.getIssuer());
		}
		catch (Exception ex) {
			return false;
		}
	}

}
