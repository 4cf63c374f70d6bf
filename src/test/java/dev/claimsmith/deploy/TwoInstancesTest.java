package dev.claimsmith.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jwt.SignedJWT;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.ClaimsmithApplication;
import dev.claimsmith.TestDatabase;
import dev.claimsmith.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service over one database and one keys folder, as behind a load
 * balancer: what one does, the other honours. Runs on H2 (one in-memory database shared
 * by both contexts of this JVM) and on PostgreSQL, like every database test.
 */
@Tag(ApiTest.TAG)
class TwoInstancesTest {

	static final Duration RELOAD_INTERVAL = Duration.ofMillis(500);

	static final Duration PRE_PUBLISH_DELAY = Duration.ofSeconds(3);

	static final String CLIENT_ID = "client_claimsmith";

	static final String PASSWORD = "correct horse battery staple";

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static ApiClient a;

	static ApiClient b;

	@BeforeAll
	static void startTwoInstances() throws IOException {
		Path keys = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "two-instances-keys-");
		first = start(keys);
		second = start(keys);
		a = client(first);
		b = client(second);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void tokenMintedByEitherVerifiesWithTheJwksOfEither() {
		String userId = createUser(a);

		String tokenOfA = mint(a, userId);
		String tokenOfB = mint(b, userId);

		for (ApiClient verifier : List.of(a, b)) {
			assertThat(verify(verifier, tokenOfA).getSubject()).isEqualTo(userId);
			assertThat(verify(verifier, tokenOfB).getSubject()).isEqualTo(userId);
		}
	}

	@Test
	void writeOnOneIsReadOnTheOtherAndUniquenessHoldsAcrossBoth() {
		String externalId = "two-" + unique();
		ApiClient.Response created = a.post("/organizations",
				Map.of("name", "Shared", "external_id", externalId, "metadata", Map.of("k1", "v1")));
		assertThat(created.status()).isEqualTo(201);
		String id = created.field("id");

		assertThat(b.get("/organizations/external_id/" + externalId).field("id")).isEqualTo(id);
		assertThat(b.put("/organizations/" + id, Map.of("metadata", Map.of("k2", "v2"))).status()).isEqualTo(200);
		assertThat(a.get("/organizations/" + id).json().get("metadata").propertyNames()).containsExactlyInAnyOrder("k1",
				"k2");
		ApiClient.Response duplicate = b.post("/organizations", Map.of("name", "Again", "external_id", externalId));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.field("code")).isEqualTo("external_id_already_used");
	}

	@Test
	void keyRotatedOnOneIsServedByBothWithinTheReloadIntervalThenSignsOnBoth() throws Exception {
		ApiClient.Response rotated = a.post("/keys/rotate", null);
		assertThat(rotated.status()).as(rotated.text()).isEqualTo(201);
		String kid = rotated.field("kid");
		long start = System.nanoTime();
		assertThat(kids(a)).contains(kid);

		Duration seenByB = awaitKid(b, kid);
		System.out.printf("Rotated key %s served by the other instance after %d ms (reload interval %d ms)%n", kid,
				seenByB.toMillis(), RELOAD_INTERVAL.toMillis());
		// The reload runs every interval; the margin is for a busy CI machine, not the
		// design.
		assertThat(seenByB).isLessThan(RELOAD_INTERVAL.multipliedBy(6));

		String userId = createUser(b);
		Duration activation = PRE_PUBLISH_DELAY.plus(RELOAD_INTERVAL).minusNanos(System.nanoTime() - start);
		if (!activation.isNegative()) {
			Thread.sleep(activation.toMillis() + 200);
		}
		for (ApiClient minter : List.of(a, b)) {
			String token = mint(minter, userId);
			assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(kid);
			for (ApiClient verifier : List.of(a, b)) {
				assertThat(verify(verifier, token).getSubject()).isEqualTo(userId);
			}
		}
	}

	@Test
	void refreshTokenSpentOnOneIsRefusedOnTheOtherAndRevokesTheSession() {
		String email = "two-" + unique() + "@example.com";
		assertThat(a.post("/user_management/users", Map.of("email", email, "password", PASSWORD)).status())
			.isEqualTo(201);
		ApiClient.Response signedIn = authenticate(b,
				Map.of("grant_type", "password", "email", email, "password", PASSWORD, "ip_address", "192.0.2.77"));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		String original = signedIn.field("refresh_token");

		ApiClient.Response refreshedOnA = authenticate(a,
				Map.of("grant_type", "refresh_token", "refresh_token", original));
		assertThat(refreshedOnA.status()).as(refreshedOnA.text()).isEqualTo(200);
		String rotated = refreshedOnA.field("refresh_token");

		ApiClient.Response reusedOnB = authenticate(b,
				Map.of("grant_type", "refresh_token", "refresh_token", original));
		assertThat(reusedOnB.status()).isEqualTo(400);
		assertThat(reusedOnB.field("error")).isEqualTo("invalid_grant");
		// Reuse revoked the session, so the token A handed out is dead on A as well.
		ApiClient.Response rotatedOnA = authenticate(a,
				Map.of("grant_type", "refresh_token", "refresh_token", rotated));
		assertThat(rotatedOnA.status()).isEqualTo(400);
		assertThat(rotatedOnA.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void apiKeyMadeOnOneWorksOnTheOtherAndOnceRevokedIsRefusedByBothAtOnce() {
		ApiClient.Response created = a.post("/api_keys",
				Map.of("name", "two " + unique(), "scopes", List.of("preview")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		ApiClient onA = a.withApiKey(created.field("key"));
		ApiClient onB = b.withApiKey(created.field("key"));
		assertThat(onB.get("/organizations").status()).isEqualTo(200);
		assertThat(onA.get("/organizations").status()).isEqualTo(200);
		assertThat(onB.post("/organizations", Map.of("name", "Nope")).status()).isEqualTo(403);

		assertThat(a.delete("/api_keys/" + created.field("id")).status()).isEqualTo(200);

		// No wait: the very next request on either instance is refused.
		assertThat(onB.get("/organizations").status()).isEqualTo(401);
		assertThat(onA.get("/organizations").status()).isEqualTo(401);
	}

	/**
	 * The login throttle counts in the database: five failures (the default budget of one
	 * IP at one account), alternating between the instances, spend the budget of both,
	 * exactly as five on one would. The same for an email no user has.
	 */
	@Test
	void failedSignInsAlternatingBetweenTheInstancesSpendOneBudget() {
		String known = "two-" + unique() + "@example.com";
		assertThat(a.post("/user_management/users", Map.of("email", known, "password", PASSWORD)).status())
			.isEqualTo(201);
		for (String email : List.of(known, "nobody-" + unique() + "@example.com")) {
			String ip = "10.2." + (unique().hashCode() & 0xFF) + "." + (unique().hashCode() & 0xFF);
			for (int i = 0; i < 5; i++) {
				ApiClient.Response failed = authenticate((i % 2 == 0) ? a : b,
						Map.of("grant_type", "password", "email", email, "password", "guess " + i, "ip_address", ip));
				assertThat(failed.status()).as(failed.text()).isEqualTo(400);
				assertThat(failed.field("code")).isEqualTo("invalid_credentials");
			}
			for (ApiClient either : List.of(a, b)) {
				ApiClient.Response throttled = authenticate(either,
						Map.of("grant_type", "password", "email", email, "password", PASSWORD, "ip_address", ip));
				assertThat(throttled.status()).as(throttled.text()).isEqualTo(429);
				assertThat(throttled.field("code")).isEqualTo("rate_limit_exceeded");
				assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
			}
		}
	}

	/**
	 * Both instances deliver webhooks (each one's scheduler polls every 50 ms) to one
	 * receiver that answers after 40 ms and counts the requests in flight per endpoint:
	 * every event arrives exactly once (nothing fails here, so nothing is retried), in
	 * commit order per endpoint, and never two to one endpoint at once.
	 */
	@Test
	void bothInstancesDeliverWebhooksEachEventOnceInOrderAndNeverTwoAtOnceToAnEndpoint() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start((request) -> {
			Thread.sleep(40);
			return 200;
		})) {
			List<String> paths = List.of("/two/first", "/two/second");
			List<String> endpoints = new ArrayList<>();
			for (int i = 0; i < paths.size(); i++) {
				ApiClient.Response endpoint = ((i == 0) ? a : b).post("/webhook_endpoints", Map.of("endpoint_url",
						receiver.url(paths.get(i)), "events", List.of("organization.created", "organization.updated")));
				assertThat(endpoint.status()).as(endpoint.text()).isEqualTo(201);
				endpoints.add(endpoint.field("id"));
			}
			try {
				String base = "Two hooks " + unique();
				List<String> names = new ArrayList<>(List.of(base));
				String orgId = a.post("/organizations", Map.of("name", base)).field("id");
				for (int i = 1; i < 12; i++) {
					names.add(base + " " + i);
					assertThat(((i % 2 == 0) ? a : b).put("/organizations/" + orgId, Map.of("name", names.get(i)))
						.status()).isEqualTo(200);
				}

				WebhookReceiver.await(Duration.ofSeconds(30),
						() -> endpoints.stream()
							.allMatch((id) -> b.get("/webhook_endpoints/" + id + "/deliveries")
								.json()
								.get("data")
								.findValuesAsString("state")
								.stream()
								.filter("delivered"::equals)
								.count() == names.size()));
				Thread.sleep(500);

				for (String path : paths) {
					List<String> arrived = receiver.about(orgId)
						.stream()
						.filter((request) -> request.path().equals(path))
						.map(WebhookReceiver.Request::name)
						.toList();
					assertThat(arrived).as("deliveries to %s", path).containsExactlyElementsOf(names);
					assertThat(receiver.maxInFlight(path)).as("deliveries to %s at once", path).isEqualTo(1);
				}
			}
			finally {
				endpoints.forEach((id) -> a.delete("/webhook_endpoints/" + id));
			}
		}
	}

	private static ConfigurableApplicationContext start(Path keys) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--claimsmith.api-key=" + ApiClient.API_KEY,
				"--claimsmith.issuer=https://claimsmith.test", "--claimsmith.templates.dir=templates",
				"--claimsmith.keys.dir=" + keys,
				"--claimsmith.keys.reload-interval=" + RELOAD_INTERVAL.toMillis() + "ms",
				"--claimsmith.keys.pre-publish-delay=" + PRE_PUBLISH_DELAY.toMillis() + "ms",
				"--claimsmith.webhooks.allowed-http-hosts=127.0.0.1", "--claimsmith.webhooks.poll-interval=50ms"));
		TestDatabase.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(ClaimsmithApplication.class).profiles(TestDatabase.profiles())
			.run(args.toArray(String[]::new));
	}

	private static ApiClient client(ConfigurableApplicationContext context) {
		return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static String createUser(ApiClient api) {
		ApiClient.Response created = api.post("/user_management/users",
				Map.of("email", "two-" + unique() + "@example.com"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.field("id");
	}

	private static String mint(ApiClient api, String userId) {
		ApiClient.Response minted = api.post("/access_tokens", Map.of("user_id", userId));
		assertThat(minted.status()).as(minted.text()).isEqualTo(200);
		return minted.field("access_token");
	}

	/** Spring Security's resource-server decoder, fed by one instance's JWKS. */
	private static Jwt verify(ApiClient jwksOf, String token) {
		return NimbusJwtDecoder.withJwkSetUri(jwksOf.baseUrl() + "/.well-known/jwks.json").build().decode(token);
	}

	private static ApiClient.Response authenticate(ApiClient api, Map<String, Object> grant) {
		Map<String, Object> body = new HashMap<>(grant);
		body.put("client_id", CLIENT_ID);
		body.put("client_secret", ApiClient.API_KEY);
		return api.post("/user_management/authenticate", body);
	}

	private static Set<String> kids(ApiClient api) {
		JsonNode keys = api.get("/.well-known/jwks.json").json().get("keys");
		List<String> kids = new ArrayList<>();
		keys.forEach((key) -> kids.add(key.get("kid").asString()));
		return kids.stream().collect(Collectors.toSet());
	}

	private static Duration awaitKid(ApiClient api, String kid) throws InterruptedException {
		long start = System.nanoTime();
		Duration limit = Duration.ofSeconds(30);
		while (!kids(api).contains(kid)) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("key %s never appeared", kid).isLessThan(limit);
			Thread.sleep(20);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
