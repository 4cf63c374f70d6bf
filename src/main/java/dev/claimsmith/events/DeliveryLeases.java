package dev.claimsmith.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Leases on webhook deliveries (V18), so that no transaction or connection is held while
 * a receiver takes its time. {@link #claim()} takes, in a short transaction of its own,
 * the oldest pending delivery of an endpoint none of whose deliveries is leased, and
 * leases it for the timeout plus a margin under a fresh token; the recording methods
 * write the attempt's outcome only while that token still holds the row. A lease that
 * runs out (its deliverer died or lost the database) makes the delivery due again: at
 * least once, and never two deliveries of one endpoint at once while leases hold. Leases
 * are taken and compared on the database's clock, the one clock all instances share, so
 * an instance whose own clock runs ahead cannot see another's lease as run out; when a
 * delivery is due stays on the instance's clock (a skew only shifts a retry).
 */
@Component
class DeliveryLeases {

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	DeliveryLeases(JdbcClient jdbc, TransactionOperations transactions, WebhookProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** The next due delivery, now leased to the caller; empty when none is due. */
	Optional<Claim> claim() {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Instant leaseNow = databaseNow();
			// SKIP LOCKED only settles a race of two claims; the lease is what excludes
			// others once this short transaction has committed.
			Optional<Lease> due = this.jdbc
				.sql("SELECT d.endpoint_id, d.event_position, d.attempts, d.created_at FROM webhook_delivery d"
						+ " WHERE d.state = 'pending' AND d.next_attempt_at <= :now"
						+ " AND (d.leased_until IS NULL OR d.leased_until <= :leaseNow) AND NOT EXISTS (SELECT 1"
						+ " FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id AND p.state = 'pending'"
						+ " AND (p.event_position < d.event_position OR p.leased_until > :leaseNow))"
						+ " ORDER BY d.next_attempt_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")
				.param("now", Timestamp.from(now))
				.param("leaseNow", Timestamp.from(leaseNow))
				.query((row, number) -> new Lease(row.getString(1), row.getLong(2), row.getInt(3),
						row.getTimestamp(4).toInstant(), UUID.randomUUID().toString()))
				.optional();
			if (due.isEmpty() || !lease(due.get(), leaseNow)) {
				return Optional.<Claim>empty();
			}
			return Optional.of(new Claim(due.get(), target(due.get())));
		});
	}

	private Instant databaseNow() {
		return this.jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single().toInstant();
	}

	/**
	 * Guarded as well, since a database may hand out a row whose lease another claim has
	 * just committed. {@code now} is the database's.
	 */
	private boolean lease(Lease lease, Instant now) {
		return this.jdbc
			.sql("UPDATE webhook_delivery SET leased_until = :until, lease_owner = :owner"
					+ " WHERE endpoint_id = :endpoint AND event_position = :position AND state = 'pending'"
					+ " AND (leased_until IS NULL OR leased_until <= :now)")
			.param("until", Timestamp.from(now.plus(this.properties.timeout()).plus(this.properties.leaseMargin())))
			.param("owner", lease.owner())
			.param("endpoint", lease.endpointId())
			.param("position", lease.position())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private Optional<Target> target(Lease lease) {
		return this.jdbc
			.sql("SELECT e.endpoint_url, e.secret, e.status, v.id, v.event, v.data, v.created_at"
					+ " FROM webhook_endpoint e, change_event v WHERE e.id = :endpoint AND v.position = :position")
			.param("endpoint", lease.endpointId())
			.param("position", lease.position())
			.query((row, number) -> new Target(row.getString(1), row.getString(2), row.getString(3),
					new EventFeed.StoredEvent(lease.position(), row.getString(4), row.getString(5), row.getString(6),
							row.getTimestamp(7).toInstant())))
			.optional();
	}

	/** The receiver took it. False when the lease was lost (someone else delivers it). */
	boolean delivered(Lease lease, int status) {
		return record(lease, "delivered", this.clock.instant(), status, null);
	}

	/**
	 * Retried with backoff, or failed when the next attempt would fall outside the retry
	 * window counted from the event.
	 */
	boolean retryOrFail(Lease lease, Integer status, String error) {
		Instant next = this.clock.instant().plus(this.properties.backoffAfter(lease.attempts() + 1));
		boolean expired = next.isAfter(lease.createdAt().plus(this.properties.retryFor()));
		return record(lease, expired ? "failed" : "pending", next, status, error);
	}

	boolean fail(Lease lease, String error) {
		return record(lease, "failed", this.clock.instant(), null, error);
	}

	/** Gives the delivery back unattempted (shutting down), for any instance to take. */
	void release(Lease lease) {
		this.jdbc
			.sql("UPDATE webhook_delivery SET leased_until = NULL, lease_owner = NULL"
					+ " WHERE endpoint_id = :endpoint AND event_position = :position AND lease_owner = :owner")
			.param("endpoint", lease.endpointId())
			.param("position", lease.position())
			.param("owner", lease.owner())
			.update();
	}

	/**
	 * One statement, so its own short transaction; only where the lease is still ours.
	 */
	private boolean record(Lease lease, String state, Instant next, Integer status, String error) {
		return this.jdbc
			.sql("UPDATE webhook_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,"
					+ " last_status = :status, last_error = :error, last_attempt_at = :now, leased_until = NULL,"
					+ " lease_owner = NULL WHERE endpoint_id = :endpoint AND event_position = :position"
					+ " AND lease_owner = :owner")
			.param("state", state)
			.param("attempts", lease.attempts() + 1)
			.param("next", Timestamp.from(next))
			.param("status", status)
			.param("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("endpoint", lease.endpointId())
			.param("position", lease.position())
			.param("owner", lease.owner())
			.update() == 1;
	}

	/** A leased delivery: its row, its attempts so far, and the token that holds it. */
	record Lease(String endpointId, long position, int attempts, Instant createdAt, String owner) {
	}

	/** Where and what to deliver; empty when the endpoint or the event is gone. */
	record Claim(Lease lease, Optional<Target> target) {
	}

	record Target(String url, String secret, String status, EventFeed.StoredEvent event) {

		@Override
		public String toString() {
			return "Target[" + this.url + "]";
		}

	}

}
