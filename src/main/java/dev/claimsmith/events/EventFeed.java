package dev.claimsmith.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the outbox in commit (position) order. Events older than the retention are never
 * served, whether or not the purge has deleted them yet. One statement per page: it sees
 * one consistent snapshot, so it needs no transaction.
 */
@Component
class EventFeed {

	private final JdbcClient jdbc;

	private final EventsProperties properties;

	private final Clock clock;

	EventFeed(JdbcClient jdbc, EventsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The position of the event with this id, if it is (still) there. */
	Optional<Long> positionOf(String eventId) {
		return this.jdbc.sql("SELECT position FROM change_event WHERE id = :id")
			.param("id", eventId)
			.query(Long.class)
			.optional();
	}

	/** Up to {@code limit} events after {@code afterPosition}, oldest commit first. */
	List<StoredEvent> page(EventQuery query, long afterPosition, int limit) {
		StringBuilder sql = new StringBuilder("SELECT position, id, event, data, created_at FROM change_event"
				+ " WHERE position > :after AND created_at >= :retained");
		Map<String, Object> params = new HashMap<>();
		params.put("after", afterPosition);
		params.put("retained", Timestamp.from(this.clock.instant().minus(this.properties.retention())));
		if (!query.events().isEmpty()) {
			sql.append(" AND event IN (:events)");
			params.put("events", query.events());
		}
		if (query.organizationId() != null) {
			sql.append(" AND organization_id = :organizationId");
			params.put("organizationId", query.organizationId());
		}
		if (query.rangeStart() != null) {
			sql.append(" AND created_at >= :rangeStart");
			params.put("rangeStart", Timestamp.from(query.rangeStart()));
		}
		if (query.rangeEnd() != null) {
			sql.append(" AND created_at < :rangeEnd");
			params.put("rangeEnd", Timestamp.from(query.rangeEnd()));
		}
		// limit is validated (1..101), so inlining it is safe; a bind parameter in FETCH
		// FIRST is not portable.
		sql.append(" ORDER BY position FETCH FIRST ").append(limit).append(" ROWS ONLY");
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((row, number) -> new StoredEvent(row.getLong(1), row.getString(2), row.getString(3),
					row.getString(4), row.getTimestamp(5).toInstant()))
			.list();
	}

	/** Deletes up to {@code batch} events created before {@code cutoff}. */
	int purge(Instant cutoff, int batch) {
		return this.jdbc
			.sql("DELETE FROM change_event WHERE position IN (SELECT position FROM change_event"
					+ " WHERE created_at < :cutoff FETCH FIRST " + batch + " ROWS ONLY)")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	/**
	 * Deletes the webhook deliveries of up to {@code batch} events queued before
	 * {@code cutoff}: their events are past retention, delivered or not.
	 */
	int purgeDeliveries(Instant cutoff, int batch) {
		return this.jdbc
			.sql("DELETE FROM webhook_delivery WHERE event_position IN (SELECT event_position FROM webhook_delivery"
					+ " WHERE created_at < :cutoff FETCH FIRST " + batch + " ROWS ONLY)")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	/** What a page is filtered by; empty {@code events} means all. */
	record EventQuery(List<String> events, String organizationId, Instant rangeStart, Instant rangeEnd) {
	}

	/** One outbox row; {@code data} is JSON text. */
	record StoredEvent(long position, String id, String event, String data, Instant createdAt) {
	}

}
