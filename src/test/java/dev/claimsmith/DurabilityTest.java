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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged write survives {@code kill -9}: the real service runs as a child JVM
 * over its default (file) database, is killed the moment its last answer arrives and is
 * started again on the same data directory. Each child's output goes to
 * {@code target/durability/<run>/service-<n>.log}.
 */
class DurabilityTest {

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
	void acknowledgedWritesSurviveKillNine() throws Exception {
		int port = freePort();
		ApiClient api = start(port);
		String externalId = "durable-" + unique();
		Response created = api.post("/organizations", Map.of("name", "Durable", "external_id", externalId, "metadata",
				Map.of("tier", "gold", "seats", "10", "doomed", "x")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.field("id");
		Map<String, Object> patch = new LinkedHashMap<>();
		patch.put("seats", "20");
		patch.put("doomed", null);
		patch.put("region", "eu");
		Response updated = api.put("/organizations/" + id, Map.of("name", "Durable Inc", "metadata", patch));
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		Response last = api.post("/organizations", Map.of("name", "Last", "metadata", Map.of("k", "v")));
		assertThat(last.status()).as(last.text()).isEqualTo(201);
		killNine();

		ApiClient restarted = start(port);
		Response afterCrash = restarted.get("/organizations/" + id);
		assertThat(afterCrash.status()).as(afterCrash.text()).isEqualTo(200);
		JsonNode organization = afterCrash.json();
		assertThat(organization.get("name").asString()).isEqualTo("Durable Inc");
		assertThat(organization.get("metadata")).isEqualTo(updated.json().get("metadata"));
		assertThat(organization.get("metadata").propertyNames()).containsExactlyInAnyOrder("tier", "seats", "region");
		assertThat(organization).isEqualTo(updated.json());
		assertThat(restarted.get("/organizations/external_id/" + externalId).field("id")).isEqualTo(id);
		assertThat(restarted.get("/organizations/" + last.field("id")).json()).isEqualTo(last.json());
	}

	private ApiClient start(int port) throws IOException, InterruptedException {
		File log = this.workDir.resolve("service-" + (this.processes.size() + 1) + ".log").toFile();
		List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ClaimsmithApplication.class.getName(), "--server.port=" + port,
				"--claimsmith.data-dir=" + this.workDir.resolve("data"), "--claimsmith.api-key=" + ApiClient.API_KEY,
				"--claimsmith.keys.dir=" + this.workDir.resolve("keys"),
				"--claimsmith.templates.dir=" + Paths.get("templates").toAbsolutePath());
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

	/** SIGKILL on Linux: no shutdown hooks, no chance to flush anything. */
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
