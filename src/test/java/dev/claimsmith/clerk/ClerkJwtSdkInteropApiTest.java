package dev.claimsmith.clerk;

import java.io.IOException;
import java.nio.file.Path;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.NodeScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

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

	private static final Path DIRECTORY = Path.of("src", "test", "clerk");

	@LocalServerPort
	int port;

	@Test
	void theOfficialSdkCreatesATemplateAndVerifiesASessionTokenForIt() throws IOException, InterruptedException {
		NodeScript.of(DIRECTORY, "jwt-templates.mjs")
			.env("CLAIMSMITH_URL", "http://localhost:" + this.port)
			.env("CLAIMSMITH_API_KEY", ApiClient.API_KEY)
			.runsAndPrints("clerk jwt interop: all");
	}

}
