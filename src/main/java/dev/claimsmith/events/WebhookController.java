package dev.claimsmith.events;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints (WorkOS wire) and their delivery log. The secret is in the create
 * answer only; afterwards it shows as its last four characters.
 */
@RestController
@RequestMapping(path = "/webhook_endpoints", produces = "application/json")
class WebhookController {

	private final WebhookEndpoints endpoints;

	private final JdbcClient jdbc;

	WebhookController(WebhookEndpoints endpoints, JdbcClient jdbc) {
		this.endpoints = endpoints;
		this.jdbc = jdbc;
	}

	@PostMapping
	ResponseEntity<EndpointResponse> create(@RequestBody JsonNode body) {
		String url = text(body, "endpoint_url", true);
		List<String> events = events(body, true);
		WebhookEndpoints.WebhookEndpoint created = this.endpoints.create(url, events);
		return ResponseEntity.status(HttpStatus.CREATED).body(EndpointResponse.of(created, true));
	}

	@GetMapping
	EndpointList list() {
		return new EndpointList("list",
				this.endpoints.all().stream().map((endpoint) -> EndpointResponse.of(endpoint, false)).toList(),
				new Cursors(null, null));
	}

	@PatchMapping("/{id}")
	EndpointResponse update(@PathVariable String id, @RequestBody JsonNode body) {
		return EndpointResponse.of(this.endpoints.update(id, text(body, "endpoint_url", false),
				text(body, "status", false), events(body, false)), false);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.endpoints.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** Claimsmith's own: each event's delivery state, attempts and last answer. */
	@GetMapping("/{id}/deliveries")
	DeliveryList deliveries(@PathVariable String id) {
		this.endpoints.find(id).orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
		List<DeliveryResponse> deliveries = this.jdbc
			.sql("SELECT d.event_id, v.event, d.state, d.attempts, d.last_status, d.last_error, d.last_attempt_at,"
					+ " d.next_attempt_at, d.created_at FROM webhook_delivery d LEFT JOIN change_event v"
					+ " ON v.position = d.event_position WHERE d.endpoint_id = :id ORDER BY d.event_position")
			.param("id", id)
			.query((row, number) -> new DeliveryResponse("webhook_delivery", row.getString(1), row.getString(2),
					row.getString(3), row.getInt(4), (Integer) row.getObject(5, Integer.class), row.getString(6),
					format(row.getTimestamp(7)), format(row.getTimestamp(8)), format(row.getTimestamp(9))))
			.list();
		return new DeliveryList("list", deliveries, new Cursors(null, null));
	}

	private static String format(Timestamp timestamp) {
		return (timestamp != null) ? Timestamps.format(timestamp.toInstant()) : null;
	}

	private static String text(JsonNode body, String field, boolean required) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || value.isNull()) {
			if (required) {
				throw ApiException.invalidParameter(field, "required", field + " is required.");
			}
			return null;
		}
		if (!value.isString()) {
			throw ApiException.invalidParameter(field, "invalid_type", field + " must be a string.");
		}
		return value.stringValue();
	}

	private static List<String> events(JsonNode body, boolean required) {
		JsonNode value = (body != null) ? body.get("events") : null;
		if (value == null || value.isNull()) {
			if (required) {
				throw ApiException.invalidParameter("events", "required", "events is required.");
			}
			return null;
		}
		if (!value.isArray()) {
			throw ApiException.invalidParameter("events", "invalid_type", "events must be an array of event names.");
		}
		List<String> events = new ArrayList<>();
		for (JsonNode name : value) {
			if (!name.isString()) {
				throw ApiException.invalidParameter("events", "invalid_type",
						"events must be an array of event names.");
			}
			events.add(name.stringValue());
		}
		return events;
	}

	record EndpointResponse(String object, String id, String endpointUrl, String secret, String status,
			List<String> events, String createdAt, String updatedAt) {

		static EndpointResponse of(WebhookEndpoints.WebhookEndpoint endpoint, boolean withSecret) {
			String secret = endpoint.secret();
			String shown = withSecret ? secret : "…" + secret.substring(secret.length() - 4);
			return new EndpointResponse("webhook_endpoint", endpoint.id(), endpoint.endpointUrl(), shown,
					endpoint.status(), endpoint.events(), Timestamps.format(endpoint.createdAt()),
					Timestamps.format(endpoint.updatedAt()));
		}

		@Override
		public String toString() {
			return "EndpointResponse[" + this.id + "]";
		}

	}

	record EndpointList(String object, List<EndpointResponse> data, Cursors listMetadata) {
	}

	record DeliveryResponse(String object, String eventId, String event, String state, int attempts, Integer lastStatus,
			String lastError, String lastAttemptAt, String nextAttemptAt, String createdAt) {
	}

	record DeliveryList(String object, List<DeliveryResponse> data, Cursors listMetadata) {
	}

	record Cursors(String before, String after) {
	}

}
