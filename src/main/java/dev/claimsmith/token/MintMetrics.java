package dev.claimsmith.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Meters of the mint path, scraped at {@code /actuator/prometheus}:
 * {@code claimsmith_tokens_minted_total{template,alg}},
 * {@code claimsmith_template_render_seconds{template}} and
 * {@code claimsmith_token_sign_seconds{alg}}. Tag values are template names and JWS
 * algorithms, both bounded sets.
 */
@Component
class MintMetrics {

	static final String TOKENS_MINTED = "claimsmith.tokens.minted";

	static final String RENDER = "claimsmith.template.render";

	static final String SIGN = "claimsmith.token.sign";

	private final MeterRegistry registry;

	// Meters are looked up here rather than built and registered per token: building an
	// id and finding it in the registry showed in mint profiles (bench/README.md).
	private final Map<String, Timer> renderTimers = new ConcurrentHashMap<>();

	private final Map<String, Timer> signTimers = new ConcurrentHashMap<>();

	private final Map<String, Counter> mintCounters = new ConcurrentHashMap<>();

	MintMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	<T> T timeRender(String template, Supplier<T> render) {
		return this.renderTimers
			.computeIfAbsent(template,
					(name) -> Timer.builder(RENDER)
						.description("Time to render a claims template")
						.tag("template", name)
						.register(this.registry))
			.record(render);
	}

	<T> T timeSign(String algorithm, Supplier<T> sign) {
		return this.signTimers
			.computeIfAbsent(algorithm,
					(name) -> Timer.builder(SIGN)
						.description("Time to sign an access token")
						.tag("alg", name)
						.register(this.registry))
			.record(sign);
	}

	void minted(String template, String algorithm) {
		this.mintCounters
			.computeIfAbsent(template + ' ' + algorithm,
					(key) -> Counter.builder(TOKENS_MINTED)
						.description("Access tokens minted")
						.tag("template", template)
						.tag("alg", algorithm)
						.register(this.registry))
			.increment();
	}

}
