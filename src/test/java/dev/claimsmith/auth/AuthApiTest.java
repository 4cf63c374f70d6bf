package dev.claimsmith.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.claimsmith.ApiTest;
import dev.claimsmith.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link ApiTest} with a clock tests can move (throttle windows, expiry) and a claims
 * template of its own that exposes user and organization metadata. One context shared by
 * every class so annotated.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiTest
@Import(AuthApiTest.MovableClock.class)
@TestPropertySource(properties = "claimsmith.templates.dir=src/test/resources/auth-templates")
@interface AuthApiTest {

	@TestConfiguration(proxyBeanMethods = false)
	class MovableClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.ticking();
		}

	}

}
