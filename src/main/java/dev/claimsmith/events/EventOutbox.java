package dev.claimsmith.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.claimsmith.store.Ids;
import dev.claimsmith.store.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends each {@link ChangeEvent} to the outbox in the transaction that published it.
 * The event is serialized at once (with the API's own JSON mapper, so {@code data} is the
 * object exactly as the API returns it), then written just before that transaction
 * commits, with positions taken under the single row lock of
 * {@code change_event_position}: commit order is position order (V17 explains why a
 * reader then never skips a late commit). The lock is the last one the transaction takes,
 * so it cannot deadlock with the writes' own row locks, and it is held only for the
 * inserts and the commit. A rollback discards the buffered events with the write.
 */
@Component
class EventOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	EventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs after every other listener of the event, so that changes those publish in turn
	 * (a deleted user's memberships) come first in the feed.
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void append(ChangeEvent change) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException(
					"A " + change.event() + " event must be published inside the write's transaction");
		}
		Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
		if (buffer == null) {
			buffer = new Buffer();
			TransactionSynchronizationManager.bindResource(this, buffer);
			TransactionSynchronizationManager.registerSynchronization(buffer);
		}
		buffer.rows.add(new Row(Ids.next("event"), change.event(), change.organizationId(),
				this.json.writeValueAsString(change.data()), Timestamps.now(this.clock)));
	}

	private void insert(List<Row> rows) {
		this.jdbc.sql("UPDATE change_event_position SET last_position = last_position + :count WHERE id = 1")
			.param("count", rows.size())
			.update();
		long last = this.jdbc.sql("SELECT last_position FROM change_event_position WHERE id = 1")
			.query(Long.class)
			.single();
		long position = last - rows.size();
		for (Row row : rows) {
			position++;
			this.jdbc
				.sql("INSERT INTO change_event (position, id, event, organization_id, data, created_at)"
						+ " VALUES (:position, :id, :event, :organizationId, :data, :createdAt)")
				.param("position", position)
				.param("id", row.id())
				.param("event", row.event())
				.param("organizationId", row.organizationId())
				.param("data", row.data())
				.param("createdAt", Timestamp.from(row.createdAt()))
				.update();
			queueDeliveries(position, row);
		}
	}

	/**
	 * One pending delivery per enabled endpoint subscribed to the event, in the same
	 * transaction: delivering happens later, on the deliverer's threads, so a slow or
	 * dead receiver never slows a write.
	 */
	private void queueDeliveries(long position, Row row) {
		this.jdbc
			.sql("INSERT INTO webhook_delivery (endpoint_id, event_position, event_id, state, attempts,"
					+ " next_attempt_at, created_at) SELECT id, :position, :eventId, 'pending', 0, :now, :now"
					+ " FROM webhook_endpoint WHERE status = 'enabled' AND events LIKE :pattern")
			.param("position", position)
			.param("eventId", row.id())
			.param("now", Timestamp.from(row.createdAt()))
			.param("pattern", "%," + row.event() + ",%")
			.update();
	}

	private record Row(String id, String event, String organizationId, String data, Instant createdAt) {
	}

	/** One transaction's events, in publication order. */
	private final class Buffer implements TransactionSynchronization {

		private final List<Row> rows = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.rows.isEmpty()) {
				insert(this.rows);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(EventOutbox.this);
		}

	}

}
