package dev.claimsmith;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * What every {@link ApiTest} gets injected: an {@link ApiClient} for the server on its
 * random port, with the test API key, and the {@link Fixtures} made through it. Lazy,
 * since the port is known only once the server has started, after the context's
 * singletons are made.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestConfiguration {

	@Bean
	@Lazy
	ApiClient apiClient(Environment environment) {
		return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	@Lazy
	Fixtures fixtures(ApiClient api) {
		return new Fixtures(api);
	}

}
