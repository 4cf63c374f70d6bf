package dev.claimsmith.clerk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clerk's official Node SDK ({@code @clerk/backend}, pinned by
 * {@code src/test/clerk/package-lock.json} and installed by the build's
 * {@code npm-ci-clerk} step) drives the live service through {@code interop.mjs}: any
 * failure there is a wire incompatibility in the service, never something to work around
 * in the script.
 */
@ApiTest
class ClerkSdkInteropApiTest {

	private static final Path SCRIPT = Path.of("src/test/clerk/interop.mjs");

	@LocalServerPort
	int port;

	@Test
	void theOfficialSdkDrivesTheClerkWire() throws IOException, InterruptedException {
		Path output = Files.createTempFile("clerk-interop", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("CLAIMSMITH_URL", "http://localhost:" + this.port);
		builder.environment().put("CLAIMSMITH_API_KEY", ApiClient.API_KEY);
		Process process = builder.start();
		boolean finished = process.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String log = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		// In the test's report, so a passing run shows what it checked.
		System.out.println(log);
		assertThat(finished).as("interop.mjs finished within 3 minutes; its output:%n%s", log).isTrue();
		assertThat(process.exitValue()).as("interop.mjs exit status; its output:%n%s", log).isZero();
		assertThat(log).contains("clerk interop: all checks passed");
	}

}
