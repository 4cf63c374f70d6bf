package dev.claimsmith.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import com.workos.models.OrganizationCreated;
import com.workos.models.WorkOSEvent;
import com.workos.webhooks.Webhook;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook endpoints and signed, ordered, retried deliveries to a receiver on loopback,
 * verified with the official WorkOS Java SDK's webhook helper. The clock can be moved
 * (the retry window); every test leaves it where real time is.
 */
@ApiTest
@Import(WebhookApiTest.MovableClock.class)
@TestPropertySource(properties = { "claimsmith.webhooks.allowed-http-hosts=127.0.0.1",
		"claimsmith.webhooks.initial-backoff=200ms", "claimsmith.webhooks.poll-interval=100ms" })
class WebhookApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	WebhookDeliverer deliverer;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	final AtomicInteger maxInFlightPerEndpoint = new AtomicInteger();

	volatile long receiverDelayMillis;

	ApiClient api;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** By organization name, known before the write whose event it fails. */
	final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	final ExecutorService receiverThreads = Executors.newCachedThreadPool();

	@BeforeEach
	void setUp() throws IOException {
		this.api = new ApiClient(this.port);
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// A thread per request: the default handles them one at a time, which would hide
		// two deliveries to one endpoint at once.
		this.receiver.setExecutor(this.receiverThreads);
		this.receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Received got = new Received(body, exchange.getRequestHeaders().getFirst("WorkOS-Signature"));
			int concurrent = this.inFlight
				.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new AtomicInteger())
				.incrementAndGet();
			this.maxInFlightPerEndpoint.accumulateAndGet(concurrent, Math::max);
			try {
				Thread.sleep(this.receiverDelayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.inFlight.get(exchange.getRequestURI().getPath()).decrementAndGet();
			this.received.add(got);
			AtomicInteger left = this.failuresLeft.get(got.json().get("data").path("name").asString(""));
			boolean failing = exchange.getRequestURI().getPath().endsWith("/failing");
			int status = (failing || (left != null && left.getAndDecrement() > 0)) ? 500 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void tearDown() {
		this.clock.set(Instant.now());
		for (JsonNode endpoint : this.api.get("/webhook_endpoints").json().get("data")) {
			this.api.delete("/webhook_endpoints/" + endpoint.get("id").asString());
		}
		this.receiver.stop(0);
		this.receiverThreads.shutdownNow();
	}

	@Test
	void endpointCrudShowsTheSecretOnlyOnCreate() {
		Response created = createEndpoint(List.of("user.created"));
		String id = created.field("id");

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(id).startsWith("we_");
		assertThat(created.field("secret")).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(created.field("status")).isEqualTo("enabled");
		JsonNode listed = this.api.get("/webhook_endpoints").json().get("data").get(0);
		assertThat(listed.get("secret").asString()).doesNotContain(created.field("secret").substring(0, 20));
		Response patched = this.api.send("PATCH", "/webhook_endpoints/" + id,
				Map.of("status", "disabled", "events", List.of("user.updated", "user.deleted")));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.field("status")).isEqualTo("disabled");
		assertThat(patched.json().get("events").toString()).isEqualTo("[\"user.updated\",\"user.deleted\"]");
		assertThat(this.api.delete("/webhook_endpoints/" + id).status()).isEqualTo(204);
		assertThat(this.api.get("/webhook_endpoints/" + id + "/deliveries").status()).isEqualTo(404);
	}

	@Test
	void badEndpointsAre422NamingTheField() {
		Response notAUrl = this.api.post("/webhook_endpoints",
				Map.of("endpoint_url", "not a url", "events", List.of("user.created")));
		Response plainHttp = this.api.post("/webhook_endpoints",
				Map.of("endpoint_url", "http://example.com/hook", "events", List.of("user.created")));
		Response unknownEvent = this.api.post("/webhook_endpoints",
				Map.of("endpoint_url", "https://example.com/hook", "events", List.of("user.exploded")));

		assertThat(notAUrl.status()).isEqualTo(422);
		assertThat(notAUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("endpoint_url");
		assertThat(plainHttp.status()).isEqualTo(422);
		assertThat(plainHttp.json().get("errors").get(0).get("field").asString()).isEqualTo("endpoint_url");
		assertThat(unknownEvent.status()).isEqualTo(422);
		assertThat(unknownEvent.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
	}

	@Test
	void endpointsAtPrivateLoopbackOrLinkLocalAddressesAre422UnlessTrusted() {
		for (String url : List.of("https://169.254.169.254/latest/meta-data", "https://[::1]:8443/hook",
				"https://10.0.0.8/hook", "https://localhost/hook", "https://[::ffff:127.0.0.2]/hook")) {
			Response refused = this.api.post("/webhook_endpoints",
					Map.of("endpoint_url", url, "events", List.of("user.created")));

			assertThat(refused.status()).as(url + ": " + refused.text()).isEqualTo(422);
			JsonNode error = refused.json().get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo("endpoint_url");
			assertThat(error.get("code").asString()).isEqualTo("private_address");
		}
		String id = createEndpoint(List.of("user.created")).field("id");
		Response patched = this.api.send("PATCH", "/webhook_endpoints/" + id,
				Map.of("endpoint_url", "https://192.168.1.10/hook"));

		assertThat(patched.status()).as(patched.text()).isEqualTo(422);
		JsonNode stored = null;
		for (JsonNode endpoint : this.api.get("/webhook_endpoints").json().get("data")) {
			stored = id.equals(endpoint.get("id").asString()) ? endpoint : stored;
		}
		assertThat(stored).isNotNull();
		assertThat(stored.get("endpoint_url").asString())
			.as("127.0.0.1 is trusted here (allowed-http-hosts); the endpoint is unchanged")
			.startsWith("http://127.0.0.1:");
	}

	@Test
	void patchingAnUnknownEndpointIs404WhateverItsBody() {
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("endpoint_url", "https://10.0.0.8/hook"),
				Map.of("endpoint_url", "not a url"), Map.of("status", "paused"), Map.of("status", "disabled"))) {
			Response patched = this.api.send("PATCH", "/webhook_endpoints/we_unknown" + unique(), body);

			assertThat(patched.status()).as(body + ": " + patched.text()).isEqualTo(404);
		}
	}

	@Test
	void aDeliveryToAHostNowAtAPrivateAddressIsNotSentAndIsRetried() throws Exception {
		String id = createEndpoint(List.of("organization.created")).field("id");
		// As if the endpoint's name now resolved to a private address (DNS changed).
		this.jdbc.sql("UPDATE webhook_endpoint SET endpoint_url = 'https://10.0.0.8/hook' WHERE id = :id")
			.param("id", id)
			.update();
		this.api.post("/organizations", Map.of("name", "Hook private " + unique()));

		awaitTrue(() -> !this.api.get("/webhook_endpoints/" + id + "/deliveries")
			.json()
			.get("data")
			.get(0)
			.path("last_error")
			.asString("")
			.isEmpty());
		JsonNode delivery = this.api.get("/webhook_endpoints/" + id + "/deliveries").json().get("data").get(0);
		assertThat(delivery.get("last_error").asString()).startsWith("Not sent: 10.0.0.8 is a private");
		assertThat(delivery.get("state").asString()).as("retried: the name may resolve elsewhere again")
			.isEqualTo("pending");
	}

	@Test
	void receiverGetsEveryEventInOrderSignedSoTheWorkOsSdkVerifiesIt() throws Exception {
		Response endpoint = createEndpoint(List.of("organization.created", "organization.updated"));
		String secret = endpoint.field("secret");
		String orgId = this.api.post("/organizations", Map.of("name", "Hook " + unique())).field("id");
		this.api.put("/organizations/" + orgId, Map.of("name", "Hook one " + unique()));
		this.api.put("/organizations/" + orgId, Map.of("name", "Hook two " + unique()));

		awaitTrue(() -> deliveriesOf(orgId).size() >= 3);

		List<Received> mine = deliveriesOf(orgId);
		assertThat(mine).extracting(Received::event)
			.containsExactly("organization.created", "organization.updated", "organization.updated");
		Webhook webhook = new Webhook();
		for (Received got : mine) {
			com.fasterxml.jackson.databind.JsonNode verified = webhook.constructEvent(got.body(), got.signature(),
					secret);
			assertThat(verified.get("data").get("id").asText()).isEqualTo(orgId);
		}
		WorkOSEvent typed = webhook.constructTypedEvent(mine.get(0).body(), mine.get(0).signature(), secret);
		assertThat(typed).isInstanceOfSatisfying(OrganizationCreated.class,
				(created) -> assertThat(created.getData().getId()).isEqualTo(orgId));
		JsonNode log = this.api.get("/webhook_endpoints/" + endpoint.field("id") + "/deliveries").json();
		awaitTrue(() -> this.api.get("/webhook_endpoints/" + endpoint.field("id") + "/deliveries")
			.json()
			.get("data")
			.findValuesAsString("state")
			.stream()
			.allMatch("delivered"::equals));
		assertThat(log.get("data").size()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aReceiverFailingThreeTimesGetsTheEventOnceMorePerRetryThenItIsDelivered() throws Exception {
		Response endpoint = createEndpoint(List.of("organization.created"));
		String name = "Hook retry " + unique();
		this.failuresLeft.put(name, new AtomicInteger(3));
		String orgId = this.api.post("/organizations", Map.of("name", name)).field("id");

		awaitTrue(() -> deliveriesOf(orgId).size() >= 4 && deliveryState(endpoint.field("id")).equals("delivered"));
		Thread.sleep(1000);

		assertThat(deliveriesOf(orgId)).hasSize(4);
		JsonNode delivery = this.api.get("/webhook_endpoints/" + endpoint.field("id") + "/deliveries")
			.json()
			.get("data")
			.get(0);
		assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.get("last_status").asInt()).isEqualTo(200);
	}

	@Test
	void manyDeliverersAtOnceNeverDeliverAnEventTwiceNorOutOfOrderAndASlowReceiverNeverSlowsWrites() throws Exception {
		this.receiverDelayMillis = 300;
		createEndpoint(List.of("organization.created", "organization.updated"));
		long writeStart = System.nanoTime();
		String orgId = this.api.post("/organizations", Map.of("name", "Hook many " + unique())).field("id");
		for (int i = 0; i < 4; i++) {
			this.api.put("/organizations/" + orgId, Map.of("name", "Hook many " + i + " " + unique()));
		}
		Duration writes = Duration.ofNanos(System.nanoTime() - writeStart);
		// Besides every context's own scheduler, four more deliverers race for the rows.
		ExecutorService pool = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			pool.submit(() -> {
				for (int n = 0; n < 20; n++) {
					this.deliverer.deliverOne();
				}
			});
		}

		awaitTrue(() -> deliveriesOf(orgId).size() >= 5);
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(writes).as("five writes while the receiver takes 300 ms each").isLessThan(Duration.ofMillis(1500));
		assertThat(deliveriesOf(orgId)).hasSize(5);
		assertThat(deliveriesOf(orgId)).extracting(Received::event)
			.containsExactly("organization.created", "organization.updated", "organization.updated",
					"organization.updated", "organization.updated");
		assertThat(this.maxInFlightPerEndpoint.get()).as("deliveries to one endpoint at once").isEqualTo(1);
	}

	@Test
	void aDeliveryStillFailingWhenItsRetryWindowEndsIsMarkedFailedAndNotTriedAgain() throws Exception {
		Response endpoint = createEndpoint("/hook/failing", List.of("organization.created"));
		String id = endpoint.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Hook doomed " + unique())).field("id");
		awaitTrue(() -> deliveriesOf(orgId).size() >= 2);
		assertThat(deliveryState(id)).isEqualTo("pending");

		this.clock.advance(Duration.ofHours(23));
		int before = deliveriesOf(orgId).size();
		awaitTrue(() -> deliveriesOf(orgId).size() > before);
		assertThat(deliveryState(id)).as("23 h after the event, still within the window").isEqualTo("pending");

		this.clock.advance(Duration.ofHours(1).plusMinutes(1));
		awaitTrue(() -> deliveryState(id).equals("failed"));
		int attempts = deliveriesOf(orgId).size();
		this.clock.advance(Duration.ofHours(2));
		Thread.sleep(1000);

		assertThat(deliveriesOf(orgId)).as("no attempt after failing").hasSize(attempts);
		JsonNode delivery = this.api.get("/webhook_endpoints/" + id + "/deliveries").json().get("data").get(0);
		assertThat(delivery.get("last_status").asInt()).isEqualTo(500);
		assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void whileAReceiverTakesItsTimeTheDeliveryIsLeasedNotLocked() throws Exception {
		this.receiverDelayMillis = 3000;
		Response endpoint = createEndpoint(List.of("organization.created"));
		String id = endpoint.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "Hook slow " + unique())).field("id");
		awaitTrue(() -> this.inFlight.getOrDefault("/hook", new AtomicInteger()).get() > 0);

		long start = System.nanoTime();
		int touched = this.jdbc.sql("UPDATE webhook_delivery SET last_error = last_error WHERE endpoint_id = :id")
			.param("id", id)
			.update();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String owner = this.jdbc.sql("SELECT lease_owner FROM webhook_delivery WHERE endpoint_id = :id")
			.param("id", id)
			.query(String.class)
			.single();

		assertThat(touched).isEqualTo(1);
		assertThat(took).as("a write to the row in flight waits for no lock").isLessThan(Duration.ofMillis(1500));
		assertThat(owner).as("the lease of the instance delivering it").isNotBlank();
		awaitTrue(() -> deliveryState(id).equals("delivered"));
		assertThat(deliveriesOf(orgId)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT lease_owner FROM webhook_delivery WHERE endpoint_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).as("no lease once recorded").containsExactly((String) null);
	}

	private String deliveryState(String endpointId) {
		JsonNode data = this.api.get("/webhook_endpoints/" + endpointId + "/deliveries").json().get("data");
		return data.isEmpty() ? "none" : data.get(0).get("state").asString();
	}

	private Response createEndpoint(List<String> events) {
		return createEndpoint("/hook", events);
	}

	private Response createEndpoint(String path, List<String> events) {
		Response created = this.api.post("/webhook_endpoints", Map.of("endpoint_url",
				"http://127.0.0.1:" + this.receiver.getAddress().getPort() + path, "events", events));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	private List<Received> deliveriesOf(String objectId) {
		return this.received.stream().filter((got) -> objectId.equals(got.objectId())).toList();
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.ticking();
		}

	}

	record Received(String body, String signature) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String event() {
			return json().get("event").asString();
		}

		String objectId() {
			return json().get("data").get("id").asString();
		}

	}

}
