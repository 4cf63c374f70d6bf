package dev.claimsmith;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock}: every component that needs the time takes it
 * through its constructor, so tests can move time (token expiry, key rotation,
 * throttling). In the root package, outside every module: it is the application's, not
 * persistence's, and modules depend only on {@code java.time.Clock}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
