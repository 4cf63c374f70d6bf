package dev.claimsmith.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes to one object's metadata classes never lose a key, nested keys
 * included: every request waits at a latch so they leave together, and each race runs a
 * few rounds because one round may happen not to overlap.
 */
@ApiTest
class MetadataConcurrencyApiTest {

	static final int ROUNDS = 3;

	static final int WRITERS = 10;

	@Autowired
	ApiClient api;

	ExecutorService executor;

	@BeforeEach
	void setUp() {
		this.executor = Executors.newFixedThreadPool(WRITERS);
	}

	@AfterEach
	void tearDown() {
		this.executor.shutdownNow();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#jsonClasses")
	void tenParallelMergePatchesOfDistinctNestedKeysThenAllTenAreKept(MetadataObject object, String metadataClass)
			throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String id = object.create(this.api, Map.of(metadataClass, Map.of("team", Map.of("lead", "ada"))))
				.field("id");

			List<Response> responses = race((i) -> object.mergePatch(this.api, id,
					Map.of(metadataClass, Map.of("team", Map.of("members", Map.of("m" + i, Map.of("n", i)))))));

			assertThat(responses)
				.allSatisfy((response) -> assertThat(response.status()).as(response.text()).isEqualTo(200));
			JsonNode team = this.api.get(object.pathOf(id)).json().get(metadataClass).get("team");
			assertThat(team.get("lead").asString()).isEqualTo("ada");
			assertThat(team.get("members").propertyNames()).hasSize(WRITERS);
			for (int i = 0; i < WRITERS; i++) {
				assertThat(team.at("/members/m" + i + "/n").asInt()).isEqualTo(i);
			}
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.claimsmith.MetadataObject#everyClass")
	void tenParallelPutsOfDistinctTopLevelKeysThenAllTenAreKept(MetadataObject object, String metadataClass)
			throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String id = object.create(this.api, Map.of()).field("id");

			List<Response> responses = race(
					(i) -> this.api.put(object.pathOf(id), Map.of(metadataClass, Map.of("key" + i, "value" + i))));

			assertThat(responses)
				.allSatisfy((response) -> assertThat(response.status()).as(response.text()).isEqualTo(200));
			JsonNode stored = this.api.get(object.pathOf(id)).json().get(metadataClass);
			assertThat(stored.propertyNames()).hasSize(WRITERS);
			for (int i = 0; i < WRITERS; i++) {
				assertThat(stored.get("key" + i).asString()).isEqualTo("value" + i);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void parallelPutsAndMergePatchesOfDifferentClassesThenNoneIsLost(MetadataObject object) throws Exception {
		String json = object.classes().get(1);
		String id = object.create(this.api, Map.of()).field("id");

		List<Response> responses = race(
				(i) -> (i % 2 == 0) ? this.api.put(object.pathOf(id), Map.of("metadata", Map.of("put" + i, "v")))
						: object.mergePatch(this.api, id, Map.of(json, Map.of("deep", Map.of("patch" + i, i)))));

		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.status()).as(response.text()).isEqualTo(200));
		JsonNode stored = this.api.get(object.pathOf(id)).json();
		assertThat(stored.get("metadata").propertyNames()).containsExactlyInAnyOrder("put0", "put2", "put4", "put6",
				"put8");
		assertThat(stored.get(json).get("deep").propertyNames()).containsExactlyInAnyOrder("patch1", "patch3", "patch5",
				"patch7", "patch9");
	}

	/**
	 * Runs {@link #WRITERS} requests at once: all are submitted, then released together.
	 */
	private List<Response> race(IntFunction<Response> request) throws Exception {
		CountDownLatch ready = new CountDownLatch(WRITERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
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
