package dev.claimsmith.interop;

import java.io.IOException;
import java.nio.file.Path;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.NodeScript;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WorkOS's official Node SDK ({@code @workos-inc/node}, pinned by
 * {@code src/test/workos/package-lock.json} and installed by the build's
 * {@code npm-ci-workos} step) reads the events feed through {@code events.mjs}: its
 * {@code events.listEvents} parses every event it knows into its typed form, which the
 * Java SDK cannot (it fails on any typed event, a bug of that SDK).
 */
@ApiTest
class WorkOsNodeSdkInteropApiTest {

	private static final Path DIRECTORY = Path.of("src", "test", "workos");

	@LocalServerPort
	int port;

	@Test
	void listEventsReadsTheFeed() throws IOException, InterruptedException {
		NodeScript.of(DIRECTORY, "events.mjs")
			.env("CLAIMSMITH_URL", "http://localhost:" + this.port)
			.env("CLAIMSMITH_API_KEY", ApiClient.API_KEY)
			.runsAndPrints("workos events interop: all checks passed");
	}

}
