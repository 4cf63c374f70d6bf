package dev.claimsmith.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What must not differ between H2 and PostgreSQL: which unique index a write hit,
 * case-insensitive emails, row locks of partial updates, and timestamps that come back
 * exactly as written, in UTC, whatever the JVM's and the database's time zones (the
 * PostgreSQL run uses a JVM zone of -03:30 and a server zone of +12:45 or +13:45).
 */
@ApiTest
class DatabasePortabilityApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApiClient api;

	@BeforeEach
	void client() {
	}

	@Test
	void violatedIndexIsTheIndexNotAnIndexNameInsideTheValues() {
		String externalId = "app_user_email_key-" + unique();
		insertUser("a-" + unique() + "@example.com", externalId);

		DataIntegrityViolationException ex = catchThrowableOfType(DataIntegrityViolationException.class,
				() -> insertUser("b-" + unique() + "@example.com", externalId));

		assertThat(UniqueViolations.violatedIndex(ex))
			.hasValueSatisfying((index) -> assertThat(index).isEqualToIgnoringCase("app_user_external_id_key"));
		assertThat(UniqueViolations.isViolationOf(ex, "app_user_email_key")).isFalse();
	}

	@Test
	void createUserWhenExternalIdContainsEmailIndexNameThenExternalIdAlreadyUsed() {
		String externalId = "app_user_email_key " + unique();
		assertThat(createUser("a-" + unique() + "@example.com", externalId).status()).isEqualTo(201);

		ApiClient.Response duplicate = createUser("b-" + unique() + "@example.com", externalId);

		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.field("code")).isEqualTo("external_id_already_used");
	}

	@Test
	void createUserWhenEmailDiffersOnlyInCaseThenEmailNotAvailable() {
		String local = "Case." + unique();
		assertThat(createUser(local + "@Example.COM", null).status()).isEqualTo(201);

		ApiClient.Response duplicate = createUser(local.toLowerCase() + "@example.com", null);

		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.field("code")).isEqualTo("email_not_available");
	}

	@Test
	void timestampsRoundTripAtMillisecondsInUtc() {
		Instant before = Instant.now();
		ApiClient.Response created = this.api.post("/organizations", Map.of("name", "Clock " + unique()));
		String id = created.field("id");
		String createdAt = created.field("created_at");

		assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
		assertThat(Instant.parse(createdAt)).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
		ApiClient.Response read = this.api.get("/organizations/" + id);
		assertThat(read.field("created_at")).isEqualTo(createdAt);
		assertThat(read.field("updated_at")).isEqualTo(created.field("updated_at"));
		OffsetDateTime stored = this.jdbc.queryForObject("SELECT created_at FROM organization WHERE id = ?",
				OffsetDateTime.class, id);
		assertThat(stored.toInstant()).isEqualTo(Instant.parse(createdAt));
	}

	@Test
	void partialUpdateWaitsForRowLockThenAppliesOnTopOfTheCommittedChange() throws Exception {
		String id = this.api.post("/organizations", Map.of("name", "Locked " + unique())).field("id");
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((tx) -> {
				this.jdbc.queryForList("SELECT id FROM organization WHERE id = ? FOR UPDATE", id);
				this.jdbc.update("UPDATE organization SET metadata = ? WHERE id = ?", "{\"held\":\"yes\"}", id);
				locked.countDown();
				await(release);
			}));
		assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<ApiClient.Response> update = CompletableFuture
			.supplyAsync(() -> this.api.put("/organizations/" + id, Map.of("metadata", Map.of("added", "yes"))));
		Thread.sleep(500);
		assertThat(update).as("an update of a locked row must wait for the lock").isNotDone();
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);

		ApiClient.Response updated = update.get(30, TimeUnit.SECONDS);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.json().get("metadata").propertyNames()).containsExactlyInAnyOrder("held", "added");
	}

	private ApiClient.Response createUser(String email, String externalId) {
		Map<String, Object> body = (externalId != null) ? Map.of("email", email, "external_id", externalId)
				: Map.of("email", email);
		return this.api.post("/user_management/users", body);
	}

	private void insertUser(String email, String externalId) {
		this.jdbc.update(
				"INSERT INTO app_user (id, email, email_key, email_verified, external_id, metadata, version, "
						+ "created_at, updated_at) VALUES (?, ?, ?, FALSE, ?, '{}', 0, ?, ?)",
				Ids.next("user"), email, email.toLowerCase(), externalId, OffsetDateTime.now(), OffsetDateTime.now());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
