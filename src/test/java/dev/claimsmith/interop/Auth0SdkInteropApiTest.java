package dev.claimsmith.interop;

import java.io.IOException;
import java.nio.file.Path;

import dev.claimsmith.ApiClient;
import dev.claimsmith.HttpsApiTest;
import dev.claimsmith.NodeScript;
import dev.claimsmith.TestTls;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auth0's official Node SDK ({@code auth0} 7.x, pinned by
 * {@code src/test/auth0/package-lock.json} and installed by the build's {@code npm ci}
 * step) as the client, over TLS that trusts only the test CA: {@code interop.mjs} signs
 * in with client credentials and drives users, metadata, search, organizations, members,
 * a user's own writes, errors and deletes. Any failure is a wire incompatibility in the
 * service, never something to work around in the script.
 */
@HttpsApiTest
class Auth0SdkInteropApiTest {

	private static final Path DIRECTORY = Path.of("src", "test", "auth0");

	@LocalServerPort
	int port;

	@Test
	void officialAuth0SdkRunsUnmodifiedAgainstClaimsmith() throws IOException, InterruptedException {
		assertThat(DIRECTORY.resolve("node_modules/auth0"))
			.as("run 'npm ci' in src/test/auth0 (the build's npm-ci-auth0 step does)")
			.isDirectory();
		NodeScript.of(DIRECTORY, "interop.mjs")
			.env("CLAIMSMITH_DOMAIN", "localhost:" + this.port)
			.env("CLAIMSMITH_CLIENT_ID", "client_claimsmith")
			.env("CLAIMSMITH_CLIENT_SECRET", ApiClient.API_KEY)
			.env("NODE_EXTRA_CA_CERTS", TestTls.files().caCertificate().toAbsolutePath().toString())
			.runsAndPrints("all steps passed");
	}

}
