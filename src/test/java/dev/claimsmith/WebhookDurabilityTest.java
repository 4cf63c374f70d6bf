package dev.claimsmith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook delivery in flight survives {@code kill -9} of the service: as in
 * {@link DurabilityTest}, the real service runs as a child JVM over its file database;
 * the receiver holds the first delivery without answering, the service is killed while
 * that request is in flight, and once started again on the same data directory it
 * delivers that event again (its lease has run out), then the next. Timeout and lease
 * margin are short so the lease runs out quickly. Each child's output goes to
 * {@code target/durability/<run>/service-<n>.log}.
 */
class WebhookDurabilityTest {

	/** Short timeouts and polls, so a killed delivery is retried within seconds. */
	private static final String[] WEBHOOK_SETTINGS = { "--claimsmith.webhooks.allowed-http-hosts=127.0.0.1",
			"--claimsmith.webhooks.timeout=5s", "--claimsmith.webhooks.lease-margin=1s",
			"--claimsmith.webhooks.poll-interval=100ms", "--claimsmith.webhooks.initial-backoff=200ms" };

	private ServiceProcesses services;

	@BeforeEach
	void setUp() throws IOException {
		this.services = ServiceProcesses.create();
	}

	@AfterEach
	void killChildren() throws InterruptedException {
		this.services.close();
	}

	@Test
	void aDeliveryInFlightWhenTheServiceIsKilledIsDeliveredAfterTheRestartAndNothingIsLost() throws Exception {
		CountDownLatch firstArrived = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean stalled = new AtomicBoolean();
		try (WebhookReceiver receiver = WebhookReceiver.start((request) -> {
			if (stalled.compareAndSet(false, true)) {
				firstArrived.countDown();
				release.await(1, TimeUnit.MINUTES);
				return 503;
			}
			return 200;
		})) {
			int port = ServiceProcesses.freePort();
			ApiClient api = this.services.start(port, WEBHOOK_SETTINGS);
			Response endpoint = api.post("/webhook_endpoints", Map.of("endpoint_url", receiver.url("/hook"), "events",
					List.of("organization.created", "organization.updated")));
			assertThat(endpoint.status()).as(endpoint.text()).isEqualTo(201);
			String orgId = api.post("/organizations", Map.of("name", "Hooked " + unique())).field("id");
			assertThat(firstArrived.await(30, TimeUnit.SECONDS)).as("the first delivery arrived").isTrue();
			Response updated = api.put("/organizations/" + orgId, Map.of("name", "Hooked again " + unique()));
			assertThat(updated.status()).as(updated.text()).isEqualTo(200);
			List<String> events = new ArrayList<>();
			api.get("/events?events=organization.created,organization.updated&limit=100")
				.json()
				.get("data")
				.forEach((event) -> events.add(event.get("id").asString()));
			assertThat(events).as("a fresh data directory: only this organization's two events").hasSize(2);
			this.services.killNine();
			release.countDown();

			ApiClient restarted = this.services.start(port, WEBHOOK_SETTINGS);
			WebhookReceiver.await(Duration.ofSeconds(60), () -> receiver.about(orgId).size() >= 3
					&& states(restarted, endpoint.field("id")).equals(List.of("delivered", "delivered")));
			Thread.sleep(500);

			List<String> arrived = receiver.about(orgId).stream().map(WebhookReceiver.Request::eventId).toList();
			assertThat(arrived).as("the one in flight at the kill, again after the restart, then the next")
				.containsExactly(events.get(0), events.get(0), events.get(1));
		}
	}

	private static List<String> states(ApiClient api, String endpointId) {
		return api.get("/webhook_endpoints/" + endpointId + "/deliveries")
			.json()
			.get("data")
			.findValuesAsString("state");
	}

}
