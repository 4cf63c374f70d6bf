package dev.claimsmith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that race: the database settles who wins, and the losers get the contract's
 * answer, never a 500. Every request waits at a latch so they leave together; each race
 * runs a few rounds because one round may happen not to overlap.
 */
@ApiTest
class ConcurrentWritesApiTest {

	static final int ROUNDS = 3;

	@Autowired
	ApiClient api;

	ExecutorService executor;

	@BeforeEach
	void setUp() {
		this.executor = Executors.newFixedThreadPool(20);
	}

	@AfterEach
	void tearDown() {
		this.executor.shutdownNow();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void twentyCreatesWithOneExternalIdThenExactlyOneSucceeds(ApiResource resource) throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String externalId = "race-" + unique();

			List<Response> responses = race(20,
					(i) -> this.api.post(resource.path(), resource.createBody(Map.of("external_id", externalId))));

			assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
			assertThat(responses).filteredOn((response) -> response.status() != 201)
				.hasSize(19)
				.allSatisfy((response) -> assertThatError(response).is(400, "external_id_already_used")
					.namesField("external_id"));
			String winner = responses.stream().filter((r) -> r.status() == 201).findFirst().orElseThrow().field("id");
			assertThat(this.api.get(resource.pathOfExternalId(externalId)).field("id")).isEqualTo(winner);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void tenPartialMetadataUpdatesOfDifferentKeysThenNoneIsLost(ApiResource resource) throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String id = this.api.post(resource.path(), resource.createBody(Map.of())).field("id");

			List<Response> responses = race(10,
					(i) -> this.api.put(resource.pathOf(id), Map.of("metadata", Map.of("key" + i, "value" + i))));

			assertThat(responses)
				.allSatisfy((response) -> assertThat(response.status()).as(response.text()).isEqualTo(200));
			JsonNode metadata = this.api.get(resource.pathOf(id)).json().get("metadata");
			assertThat(metadata.propertyNames()).containsExactlyInAnyOrder("key0", "key1", "key2", "key3", "key4",
					"key5", "key6", "key7", "key8", "key9");
			for (int i = 0; i < 10; i++) {
				assertThat(metadata.get("key" + i).asString()).isEqualTo("value" + i);
			}
		}
	}

	/** Runs {@code count} requests at once: all are submitted, then released together. */
	private List<Response> race(int count, IntFunction<Response> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(this.executor.submit(() -> {
				ready.countDown();
				go.await();
				return request.apply(index);
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : futures) {
			responses.add(future.get(60, TimeUnit.SECONDS));
		}
		return responses;
	}

}
