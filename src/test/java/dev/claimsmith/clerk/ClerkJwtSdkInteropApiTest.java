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
 * {@code npm-ci-clerk} step) creates a JWT template in Clerk's dialect, gets a token for
 * it for a Claimsmith session and verifies it with its own {@code verifyToken}, through
 * {@code jwt-templates.mjs}: any failure there is a wire incompatibility in the service,
 * never something to work around in the script.
 */
@ApiTest
class ClerkJwtSdkInteropApiTest {

	private static final Path SCRIPT = Path.of("src/test/clerk/jwt-templates.mjs");

	@LocalServerPort
	int port;

	@Test
	void theOfficialSdkCreatesATemplateAndVerifiesASessionTokenForIt() throws IOException, InterruptedException {
		Path output = Files.createTempFile("clerk-jwt-interop", ".log");
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
		assertThat(finished).as("jwt-templates.mjs finished within 3 minutes; its output:%n%s", log).isTrue();
		assertThat(process.exitValue()).as("jwt-templates.mjs exit status; its output:%n%s", log).isZero();
		assertThat(log).contains("clerk jwt interop: all");
	}

}
