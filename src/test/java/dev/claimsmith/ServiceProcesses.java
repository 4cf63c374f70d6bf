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

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service as child JVMs over one data directory (its default file database and
 * keys under {@code target/durability/run-…/}), for tests of what survives a process:
 * start, {@code kill -9}, start again. Each child's output goes to
 * {@code service-<n>.log} in that directory. Not thread-safe; one per test.
 */
public final class ServiceProcesses implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Path workDir;

	private final List<Process> processes = new ArrayList<>();

	private ServiceProcesses(Path workDir) {
		this.workDir = workDir;
	}

	/** A fresh data directory for this test's processes. */
	public static ServiceProcesses create() throws IOException {
		return new ServiceProcesses(
				Files.createDirectories(Paths.get("target", "durability", "run-" + unique()).toAbsolutePath()));
	}

	/**
	 * Starts the service on {@code port} with the test API key and {@code arguments}
	 * added, and waits until it answers.
	 */
	public ApiClient start(int port, String... arguments) throws IOException, InterruptedException {
		File log = this.workDir.resolve("service-" + (this.processes.size() + 1) + ".log").toFile();
		List<String> command = new ArrayList<>(List.of(
				Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ClaimsmithApplication.class.getName(), "--server.port=" + port,
				"--claimsmith.data-dir=" + this.workDir.resolve("data"), "--claimsmith.api-key=" + ApiClient.API_KEY,
				"--claimsmith.keys.dir=" + this.workDir.resolve("keys"),
				"--claimsmith.templates.dir=" + Paths.get("templates").toAbsolutePath()));
		command.addAll(List.of(arguments));
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

	/** SIGKILL on Linux to the last one started: no shutdown hooks, nothing flushed. */
	public void killNine() throws InterruptedException {
		Process process = this.processes.get(this.processes.size() - 1);
		process.destroyForcibly();
		assertThat(process.waitFor()).isEqualTo(137);
	}

	/** Kills whatever still runs. */
	@Override
	public void close() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean answers(ApiClient api) {
		try {
			return api.get("/organizations?limit=1").status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

}
