package dev.claimsmith.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers queued webhook events, at least once and in order per endpoint, from every
 * instance. A delivery is taken with {@code FOR UPDATE SKIP LOCKED} and only when no
 * older delivery of its endpoint is pending, and its row lock is held while the event is
 * POSTed: another instance skips it, and cannot overtake it with a younger one. A crash
 * mid-delivery releases the lock with the row still pending, so the event is delivered
 * again (at least once). Each event is POSTed as the event object with
 * {@code WorkOS-Signature: t=<unix ms>, v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 * redirects not followed, within {@code claimsmith.webhooks.timeout}; a non-2xx answer or
 * a timeout is retried with exponential backoff until {@code retry-for} after the event,
 * then the delivery is failed.
 */
@Component
class WebhookDeliverer implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliverer.class);

	private static final int MAX_PER_RUN = 100;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final WebhookProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	WebhookDeliverer(JdbcClient jdbc, TransactionOperations transactions, WebhookProperties properties, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::scheduled, this.properties.pollInterval(), this.properties.pollInterval()));
	}

	void scheduled() {
		try {
			for (int i = 0; i < MAX_PER_RUN && deliverOne(); i++) {
				// Deliver what is due, a bounded number per run.
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Delivering webhooks failed; the next run retries: {}", ex.getMessage());
		}
	}

	/** Delivers one due delivery, if there is one; true when it did. */
	boolean deliverOne() {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Optional<Due> due = nextDue();
			due.ifPresent(this::attempt);
			return due.isPresent();
		}));
	}

	private Optional<Due> nextDue() {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT d.endpoint_id, d.event_position, d.attempts, d.created_at FROM webhook_delivery d"
					+ " WHERE d.state = 'pending' AND d.next_attempt_at <= :now AND NOT EXISTS (SELECT 1"
					+ " FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id AND p.state = 'pending'"
					+ " AND p.event_position < d.event_position)"
					+ " ORDER BY d.next_attempt_at FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")
			.param("now", Timestamp.from(now))
			.query((row, number) -> new Due(row.getString(1), row.getLong(2), row.getInt(3),
					row.getTimestamp(4).toInstant()))
			.optional();
	}

	private void attempt(Due due) {
		Optional<Target> target = this.jdbc
			.sql("SELECT e.endpoint_url, e.secret, e.status, v.id, v.event, v.data, v.created_at"
					+ " FROM webhook_endpoint e, change_event v WHERE e.id = :endpoint AND v.position = :position")
			.param("endpoint", due.endpointId())
			.param("position", due.position())
			.query((row, number) -> new Target(row.getString(1), row.getString(2), row.getString(3),
					new EventFeed.StoredEvent(due.position(), row.getString(4), row.getString(5), row.getString(6),
							row.getTimestamp(7).toInstant())))
			.optional();
		if (target.isEmpty() || !WebhookEndpoints.ENABLED.equals(target.get().status())) {
			finish(due, "failed", null, "The event or the endpoint is gone, or the endpoint is disabled.");
			return;
		}
		String body = this.json.writeValueAsString(EventsController.EventResponse.of(target.get().event()));
		Integer status = null;
		String error = null;
		try {
			HttpResponse<Void> response = this.http.send(request(target.get(), body),
					HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		if (status != null && status >= 200 && status < 300) {
			finish(due, "delivered", status, null);
		}
		else {
			retryOrFail(due, status, (error != null) ? error : "HTTP " + status);
		}
	}

	private HttpRequest request(Target target, String body) {
		String timestamp = Long.toString(this.clock.millis());
		return HttpRequest.newBuilder(URI.create(target.url()))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Claimsmith-Webhooks")
			.header("WorkOS-Signature", "t=" + timestamp + ", v1=" + sign(target.secret(), timestamp + "." + body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private void retryOrFail(Due due, Integer status, String error) {
		Instant now = this.clock.instant();
		int attempts = due.attempts() + 1;
		Instant next = now.plus(this.properties.backoffAfter(attempts));
		boolean expired = next.isAfter(due.createdAt().plus(this.properties.retryFor()));
		update(due, expired ? "failed" : "pending", attempts, next, status, error);
	}

	private void finish(Due due, String state, Integer status, String error) {
		update(due, state, due.attempts() + 1, this.clock.instant(), status, error);
	}

	private void update(Due due, String state, int attempts, Instant next, Integer status, String error) {
		this.jdbc
			.sql("UPDATE webhook_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,"
					+ " last_status = :status, last_error = :error, last_attempt_at = :now"
					+ " WHERE endpoint_id = :endpoint AND event_position = :position")
			.param("state", state)
			.param("attempts", attempts)
			.param("next", Timestamp.from(next))
			.param("status", status)
			.param("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("endpoint", due.endpointId())
			.param("position", due.position())
			.update();
	}

	private record Due(String endpointId, long position, int attempts, Instant createdAt) {
	}

	private record Target(String url, String secret, String status, EventFeed.StoredEvent event) {
	}

}
