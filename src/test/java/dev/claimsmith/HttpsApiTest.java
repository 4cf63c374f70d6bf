package dev.claimsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An {@link ApiTest} whose service speaks only HTTPS, with a certificate from
 * {@link TestTls}'s test CA: for clients that refuse plain HTTP (Auth0's SDK). Reach it
 * with {@link ApiClient#https(int)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimsmith.api-key=" + ApiClient.API_KEY, "claimsmith.keys.dir=target/test-keys",
				"claimsmith.templates.dir=templates",
				// No webhook deliveries from the shared contexts (first poll after a
				// day): they share
				// one database with every other context and move their clocks, and a
				// deliverer
				// whose clock runs hours ahead would take over live leases.
				// WebhookApiTest and the
				// two-instance test run their own deliverers.
				"claimsmith.webhooks.poll-interval=1d" })
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = { TestDatabase.class, TestTls.class })
@Tag(ApiTest.TAG)
public @interface HttpsApiTest {

}
