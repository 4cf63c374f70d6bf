package dev.claimsmith.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysStartupTests {

	@TempDir
	Path dir;

	private final MutableClock clock = MutableClock.stoppedNow();

	@Test
	void constructThenNoFileIsTouchedUntilLoad() {
		Path folder = this.dir.resolve("keys");
		SigningKeys keys = new SigningKeys(TestKeys.properties(folder), this.clock);
		assertThat(folder).doesNotExist();
		assertThatIllegalStateException().isThrownBy(keys::active).withMessageContaining("not loaded");

		keys.load();

		assertThat(folder.resolve(KeyFile.FILE_NAME)).exists();
		assertThat(keys.active().kid()).isNotEmpty();
	}

	@Test
	void startWhenRsa1024KeyThenRefused() throws Exception {
		write(new RSAKeyGenerator(1024, true).keyID("weak").generate());
		assertThatIllegalStateException().isThrownBy(this::start)
			.withMessageContaining("'weak'")
			.withMessageContaining("RSA-1024");
	}

	@Test
	void startWhenSymmetricKeyThenRefused() throws Exception {
		write(new OctetSequenceKeyGenerator(256).keyID("shared").generate());
		assertThatIllegalStateException().isThrownBy(this::start)
			.withMessageContaining("'shared'")
			.withMessageContaining("symmetric");
	}

	@Test
	void startWhenActiveKeyHasNoPrivatePartThenRefused() throws Exception {
		write(new RSAKeyGenerator(2048).keyID("public-only").generate().toPublicJWK());
		assertThatIllegalStateException().isThrownBy(this::start)
			.withMessageContaining("'public-only'")
			.withMessageContaining("no private part");
	}

	@Test
	void startWhenUnsupportedCurveThenRefused() throws Exception {
		write(new ECKeyGenerator(Curve.P_384).keyID("p384").generate());
		assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("curve P-384");
	}

	@Test
	void startWhenEncryptionCurveThenRefused() throws Exception {
		write(new OctetKeyPairGenerator(Curve.X25519).keyID("x25519").generate());
		assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("curve X25519");
	}

	@Test
	void startWhenKeyForEncryptionThenRefused() throws Exception {
		write(new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate());
		assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("'enc'");
	}

	@Test
	void startWhenFileIsNotAJwkSetThenRefusedWithoutQuotingIt() throws Exception {
		Files.writeString(this.dir.resolve("jwks.json"), "{\"keys\": [{\"kty\":\"RSA\",\"d\":\"secret\"");
		assertThatIllegalStateException().isThrownBy(this::start)
			.withMessageContaining("not a valid JWK set")
			.withMessageNotContaining("secret");
	}

	@Test
	void startWhenKeyPlacedByHandWithoutLifecycleThenItSigns() throws Exception {
		write(new ECKeyGenerator(Curve.P_256).keyID("by-hand").generate());
		assertThat(start().active().kid()).isEqualTo("by-hand");
	}

	@Test
	void startWhenOnlyRetiredPublicKeyThenGeneratesAnActiveOne() throws Exception {
		JWK retired = new RSAKeyGenerator(2048).keyID("old").generate().toPublicJWK();
		String now = this.clock.instant().toString();
		Files.writeString(this.dir.resolve("jwks.json"),
				new JWKSet(List.of(retired),
						Map.of("lifecycle",
								Map.of("old", Map.of("created_at", now, "activates_at", now, "retired_at", now))))
					.toString(false));
		SigningKeys keys = start();
		assertThat(keys.active().kid()).isNotEqualTo("old");
		assertThat(keys.publicJwkSet().getKeyByKeyId("old")).isNotNull();
	}

	private SigningKeys start() {
		return TestKeys.loaded(TestKeys.properties(this.dir), this.clock);
	}

	private void write(JWK key) throws Exception {
		Files.writeString(this.dir.resolve("jwks.json"), new JWKSet(key).toString(false));
	}

}
