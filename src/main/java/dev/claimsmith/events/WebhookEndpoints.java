package dev.claimsmith.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.claimsmith.store.Ids;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stored webhook endpoints, and the rules for their URLs and event lists: {@code https},
 * or {@code http} to a host in {@code claimsmith.webhooks.allowed-http-hosts}; public
 * addresses only unless trusted ({@link WebhookTargets}); known event names only.
 * Violations are 422 naming the field.
 */
@Component
class WebhookEndpoints {

	static final String ENABLED = "enabled";

	static final String DISABLED = "disabled";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	private final WebhookTargets targets;

	WebhookEndpoints(JdbcClient jdbc, TransactionOperations transactions, WebhookProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.targets = new WebhookTargets(properties);
	}

	/** One statement, so no transaction: none is held while the URL's host resolves. */
	WebhookEndpoint create(String url, List<String> events) {
		checkUrl(url);
		checkEvents(events);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		Instant now = Timestamps.now(this.clock);
		WebhookEndpoint endpoint = new WebhookEndpoint(Ids.next("we"), url,
				"whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), ENABLED, List.copyOf(events),
				now, now);
		this.jdbc
			.sql("INSERT INTO webhook_endpoint (id, endpoint_url, secret, status, events, created_at, updated_at)"
					+ " VALUES (:id, :url, :secret, :status, :events, :createdAt, :updatedAt)")
			.param("id", endpoint.id())
			.param("url", url)
			.param("secret", endpoint.secret())
			.param("status", ENABLED)
			.param("events", stored(events))
			.param("createdAt", Timestamp.from(now))
			.param("updatedAt", Timestamp.from(now))
			.update();
		return endpoint;
	}

	Optional<WebhookEndpoint> find(String id) {
		return this.jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id")
			.param("id", id)
			.query(WebhookEndpoints::endpoint)
			.optional();
	}

	List<WebhookEndpoint> all() {
		return this.jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY id").query(WebhookEndpoints::endpoint).list();
	}

	/**
	 * An unknown id is 404 whatever the body; the URL is checked before the transaction
	 * that locks the row, so neither a connection nor the lock waits while its host
	 * resolves.
	 */
	WebhookEndpoint update(String id, String url, String status, List<String> events) {
		if (find(id).isEmpty()) {
			throw ApiException.notFound("webhook endpoint", id);
		}
		if (url != null) {
			checkUrl(url);
		}
		return this.transactions.execute((tx) -> updateLocked(id, url, status, events));
	}

	private WebhookEndpoint updateLocked(String id, String url, String status, List<String> events) {
		WebhookEndpoint current = this.jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(WebhookEndpoints::endpoint)
			.optional()
			.orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
		if (status != null && !status.equals(ENABLED) && !status.equals(DISABLED)) {
			throw ApiException.invalidParameter("status", "invalid_status", "status must be enabled or disabled.");
		}
		if (events != null) {
			checkEvents(events);
		}
		WebhookEndpoint updated = new WebhookEndpoint(id, (url != null) ? url : current.endpointUrl(), current.secret(),
				(status != null) ? status : current.status(), (events != null) ? List.copyOf(events) : current.events(),
				current.createdAt(), Timestamps.now(this.clock));
		this.jdbc
			.sql("UPDATE webhook_endpoint SET endpoint_url = :url, status = :status, events = :events,"
					+ " updated_at = :updatedAt WHERE id = :id")
			.param("url", updated.endpointUrl())
			.param("status", updated.status())
			.param("events", stored(updated.events()))
			.param("updatedAt", Timestamp.from(updated.updatedAt()))
			.param("id", id)
			.update();
		return updated;
	}

	void delete(String id) {
		if (this.jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update() == 0) {
			throw ApiException.notFound("webhook endpoint", id);
		}
	}

	private void checkUrl(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw invalidUrl("endpoint_url must be an absolute https URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (host == null || uri.getRawUserInfo() != null || url.length() > 2048) {
			throw invalidUrl("endpoint_url must be an absolute https URL.");
		}
		if (!scheme.equals("https") && !(scheme.equals("http")
				&& this.properties.allowedHttpHosts().contains(host.toLowerCase(Locale.ROOT)))) {
			throw invalidUrl("endpoint_url must use https; plain http only to a host in"
					+ " claimsmith.webhooks.allowed-http-hosts.");
		}
		this.targets.refusal(WebhookTargets.hostOf(uri)).ifPresent((refusal) -> {
			throw ApiException.invalidParameter("endpoint_url", "private_address",
					"endpoint_url must not point at " + refusal);
		});
	}

	private static ApiException invalidUrl(String message) {
		return ApiException.invalidParameter("endpoint_url", "invalid_url", message);
	}

	private static void checkEvents(List<String> events) {
		List<String> unknown = new ArrayList<>(events.stream().filter((e) -> !ChangeEvent.NAMES.contains(e)).toList());
		if (events.isEmpty() || !unknown.isEmpty()) {
			throw ApiException.invalidParameter("events", "invalid_event",
					events.isEmpty() ? "events must name at least one event." : "Unknown event names " + unknown + ".");
		}
	}

	/** As stored: {@code ,a,b,}, so that one name matches with a LIKE. */
	private static String stored(List<String> events) {
		return "," + String.join(",", events) + ",";
	}

	private static WebhookEndpoint endpoint(ResultSet row, int number) throws SQLException {
		List<String> events = Arrays.stream(row.getString("events").split(","))
			.filter((name) -> !name.isEmpty())
			.toList();
		return new WebhookEndpoint(row.getString("id"), row.getString("endpoint_url"), row.getString("secret"),
				row.getString("status"), events, row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

	record WebhookEndpoint(String id, String endpointUrl, String secret, String status, List<String> events,
			Instant createdAt, Instant updatedAt) {

		@Override
		public String toString() {
			return "WebhookEndpoint[" + this.id + "]";
		}

	}

}
