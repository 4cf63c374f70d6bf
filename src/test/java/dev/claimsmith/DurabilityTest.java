package dev.claimsmith;

import java.io.IOException;
import java.util.LinkedHashMap;
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
	void acknowledgedWritesSurviveKillNine() throws Exception {
		int port = ServiceProcesses.freePort();
		ApiClient api = this.services.start(port);
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
		this.services.killNine();

		ApiClient restarted = this.services.start(port);
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

}
