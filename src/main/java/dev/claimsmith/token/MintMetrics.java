package dev.claimsmith.token;

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

	MintMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	<T> T timeRender(String template, Supplier<T> render) {
		return Timer.builder(RENDER)
			.description("Time to render a claims template")
			.tag("template", template)
			.register(this.registry)
			.record(render);
	}

	<T> T timeSign(String algorithm, Supplier<T> sign) {
		return Timer.builder(SIGN)
			.description("Time to sign an access token")
			.tag("alg", algorithm)
			.register(this.registry)
			.record(sign);
	}

	void minted(String template, String algorithm) {
		Counter.builder(TOKENS_MINTED)
			.description("Access tokens minted")
			.tag("template", template)
			.tag("alg", algorithm)
			.register(this.registry)
			.increment();
	}

}
