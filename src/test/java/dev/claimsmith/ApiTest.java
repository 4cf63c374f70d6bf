package dev.claimsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A contract test: the whole service on a random port over a real database, driven over
 * real HTTP with the {@link ApiClient} the test has injected ({@code @Autowired ApiClient
 * api}). The build runs every such class twice, on an in-memory H2 and on PostgreSQL (see
 * {@link TestDatabase}; tagged {@value #TAG}). Every such class shares one application
 * context and all contexts share one database, so tests must not assume an empty
 * database: make names, emails and external ids unique per test. They deliver no webhooks
 * (first poll after a day): sharing that database and moving their clocks, a deliverer
 * whose clock runs hours ahead would take over live leases; WebhookApiTest and the
 * two-instance test run their own deliverers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "claimsmith.api-key=" + ApiClient.API_KEY, "claimsmith.keys.dir=target/test-keys",
				"claimsmith.templates.dir=templates",
				// See the class comment: no webhook deliveries from shared contexts.
				"claimsmith.webhooks.poll-interval=1d" })
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(ApiTestConfiguration.class)
@Tag(ApiTest.TAG)
public @interface ApiTest {

	/** The tag of tests that run on each database. */
	String TAG = "database";

}
