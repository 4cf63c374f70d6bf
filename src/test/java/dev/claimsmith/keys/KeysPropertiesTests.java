package dev.claimsmith.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeysPropertiesTests {

	@Test
	void bindWhenNothingSetThenDefaults() {
		KeysProperties properties = bind(Map.of());
		assertThat(properties.algorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(properties.prePublishDelay()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.maxTokenLifetime()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.jwksCacheMaxAge()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.provider()).isEqualTo(KeysProperties.ProviderChoice.AUTO);
	}

	@Test
	void bindWhenProviderJdkThenJdk() {
		assertThat(bind(Map.of("claimsmith.keys.provider", "jdk")).provider())
			.isEqualTo(KeysProperties.ProviderChoice.JDK);
	}

	@Test
	void bindWhenAlgorithmNamedThenParsed() {
		assertThat(bind(Map.of("claimsmith.keys.algorithm", "ES256")).algorithm()).isSameAs(JWSAlgorithm.ES256);
		assertThat(bind(Map.of("claimsmith.keys.algorithm", "EdDSA")).algorithm()).isSameAs(JWSAlgorithm.EdDSA);
		assertThat(bind(Map.of("claimsmith.keys.algorithm", "Ed25519")).algorithm()).isSameAs(JWSAlgorithm.Ed25519);
	}

	@Test
	void bindWhenUnsupportedAlgorithmThenRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("claimsmith.keys.algorithm", "HS256")))
			.withStackTraceContaining("must be one of RS256, ES256, EdDSA, Ed25519");
	}

	@Test
	void jwksCacheMaxAgeWhenPrePublishDelayShortThenShorterStill() {
		KeysProperties properties = bind(Map.of("claimsmith.keys.pre-publish-delay", "70s"));
		assertThat(properties.jwksCacheMaxAge()).isEqualTo(Duration.ofSeconds(60));
		assertThat(bind(Map.of("claimsmith.keys.pre-publish-delay", "0")).jwksCacheMaxAge()).isZero();
	}

	private static KeysProperties bind(Map<String, String> values) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(values)), null,
				ApplicationConversionService.getSharedInstance());
		return binder.bindOrCreate("claimsmith.keys", KeysProperties.class);
	}

}
