package dev.claimsmith.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery leases hold on the database's clock: an instance whose own clock runs an hour
 * ahead does not see another instance's fresh lease as run out. On a database of its own
 * (migrated as the service migrates), so that no running instance of another test takes
 * the delivery first.
 */
class DeliveryLeaseClockTests {

	@Test
	void anInstanceWhoseClockRunsAheadDoesNotTakeALeaseAnotherHolds() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:lease-clock-" + unique() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
		WebhookProperties properties = new WebhookProperties(List.of(), List.of(), Duration.ofSeconds(10),
				Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(1),
				Duration.ofSeconds(5));
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO webhook_endpoint (id, endpoint_url, secret, status, events, created_at, updated_at)"
				+ " VALUES ('we_skew', 'https://receiver.example/hook', 'whsec_x', 'enabled', '', :now, :now)")
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql(
				"INSERT INTO webhook_delivery (endpoint_id, event_position, event_id, state, attempts, next_attempt_at,"
						+ " created_at) VALUES ('we_skew', 1, 'event_skew', 'pending', 0, :now, :now)")
			.param("now", Timestamp.from(now))
			.update();
		DeliveryLeases onTime = new DeliveryLeases(jdbc, transactions, properties, Clock.systemUTC());
		DeliveryLeases anHourAhead = new DeliveryLeases(jdbc, transactions, properties,
				Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofHours(1)));

		Optional<DeliveryLeases.Claim> claimed = onTime.claim();
		assertThat(claimed).isPresent();

		assertThat(anHourAhead.claim()).as("a lease held on the database's clock").isEmpty();
		onTime.release(claimed.get().lease());
		assertThat(anHourAhead.claim()).as("once released, any instance takes it").isPresent();
	}

}
