package dev.claimsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A contract test: the whole service on a random port over a real (in-memory H2)
 * database, driven over real HTTP with {@link ApiClient}. Every such class shares one
 * application context, so tests must not assume an empty database: make names, emails and
 * external ids unique per test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:claimsmith-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"claimsmith.api-key=" + ApiClient.API_KEY, "claimsmith.keys.dir=target/test-keys",
				"claimsmith.templates.dir=templates" })
public @interface ApiTest {

}
