package dev.claimsmith.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.claimsmith.keys.KeysProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokenLifetimeCheckTests {

	KeysProperties keys = new KeysProperties(Path.of("keys"), JWSAlgorithm.RS256, Duration.ofMinutes(10),
			Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(30), KeysProperties.ProviderChoice.AUTO);

	@Test
	void startWhenLifetimesWithinKeyRetentionThenAccepted() {
		TokenProperties tokens = new TokenProperties(Duration.ofMinutes(5), Map.of("long", Duration.ofHours(1)));

		assertThatCode(() -> new TokenLifetimeCheck(tokens, this.keys).afterPropertiesSet()).doesNotThrowAnyException();
	}

	@Test
	void startWhenTemplateLifetimeOutlivesKeyRetentionThenRefusedNamingTheProperty() {
		TokenProperties tokens = new TokenProperties(Duration.ofMinutes(5), Map.of("day", Duration.ofDays(1)));

		assertThatIllegalStateException()
			.isThrownBy(() -> new TokenLifetimeCheck(tokens, this.keys).afterPropertiesSet())
			.withMessageContaining("claimsmith.tokens.template-lifetimes.day");
	}

}
