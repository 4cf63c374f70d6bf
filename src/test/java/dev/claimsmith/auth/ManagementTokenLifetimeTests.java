package dev.claimsmith.auth;

import java.nio.file.Path;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import dev.claimsmith.keys.KeysProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ManagementTokenLifetimeTests {

	KeysProperties keys = new KeysProperties(Path.of("keys"), JWSAlgorithm.RS256, Duration.ofMinutes(10),
			Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(30), KeysProperties.ProviderChoice.AUTO);

	@Test
	void startWhenManagementTokensLiveNoLongerThanRetiredKeysArePublishedThenAccepted() {
		assertThatCode(() -> ManagementTokens.checkLifetime(new ManagementTokenProperties(null, Duration.ofHours(1)),
				this.keys))
			.doesNotThrowAnyException();
	}

	@Test
	void startWhenManagementTokensOutliveRetiredKeysThenRefusedNamingBothProperties() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ManagementTokens.checkLifetime(new ManagementTokenProperties(null, Duration.ofHours(24)),
					this.keys))
			.withMessageContaining("claimsmith.auth0.token-lifetime")
			.withMessageContaining("claimsmith.keys.max-token-lifetime");
	}

}
