package dev.claimsmith;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
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

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private Path workDir;

	private final List<Process> processes = new ArrayList<>();

	@BeforeEach
	void setUp() throws IOException {
		this.workDir = Files.createDirectories(Paths.get("target", "durability", "run-" + unique()).toAbsolutePath());
	}

	@AfterEach
	void killChildren() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor();
		}
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
			int port = freePort();
			ApiClient api = start(port);
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
			killNine();
			release.countDown();

			ApiClient restarted = start(port);
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

	private ApiClient start(int port) throws IOException, InterruptedException {
		File log = this.workDir.resolve("service-" + (this.processes.size() + 1) + ".log").toFile();
		List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ClaimsmithApplication.class.getName(), "--server.port=" + port,
				"--claimsmith.data-dir=" + this.workDir.resolve("data"), "--claimsmith.api-key=" + ApiClient.API_KEY,
				"--claimsmith.keys.dir=" + this.workDir.resolve("keys"),
				"--claimsmith.templates.dir=" + Paths.get("templates").toAbsolutePath(),
				"--claimsmith.webhooks.allowed-http-hosts=127.0.0.1", "--claimsmith.webhooks.timeout=5s",
				"--claimsmith.webhooks.lease-margin=1s", "--claimsmith.webhooks.poll-interval=100ms",
				"--claimsmith.webhooks.initial-backoff=200ms");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log)
			.directory(this.workDir.toFile())
			.start();
		this.processes.add(process);
		ApiClient api = new ApiClient(port);
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("service exited early; see %s", log).isTrue();
			if (answers(api)) {
				return api;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("service did not answer within " + START_TIMEOUT + "; see " + log);
	}

	private static boolean answers(ApiClient api) {
		try {
			return api.get("/organizations?limit=1").status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** SIGKILL on Linux: no shutdown hooks, nothing handed back. */
	private void killNine() throws InterruptedException {
		Process process = this.processes.get(this.processes.size() - 1);
		process.destroyForcibly();
		assertThat(process.waitFor()).isEqualTo(137);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
