package dev.claimsmith.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers queued webhook events, at least once and in order per endpoint, from every
 * instance. A delivery is first leased ({@link DeliveryLeases}: a short transaction takes
 * the oldest pending delivery of an endpoint with nothing of its own in flight), then
 * POSTed outside any transaction, then its outcome recorded only if the lease is still
 * ours: no database connection waits on a slow receiver, and a deliverer that dies
 * mid-delivery leaves a lease that runs out, after which any instance delivers the event
 * again. Each event is POSTed as the event object with {@code WorkOS-Signature: t=<unix
 * ms>, v1=<hex HMAC-SHA256(secret, t + "." + body)>}, redirects not followed, within
 * {@code claimsmith.webhooks.timeout}, and only to a public address unless trusted
 * ({@link WebhookTargets}); a non-2xx answer, a timeout or a refused address is retried
 * with exponential backoff until {@code retry-for} after the event, then the delivery is
 * failed.
 */
@Component
class WebhookDeliverer implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliverer.class);

	private static final int MAX_PER_RUN = 100;

	private final DeliveryLeases leases;

	private final WebhookProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final WebhookTargets targets;

	WebhookDeliverer(DeliveryLeases leases, WebhookProperties properties, JsonMapper json, Clock clock) {
		this.leases = leases;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.timeout())
			.build();
		this.targets = new WebhookTargets(properties);
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
		Optional<DeliveryLeases.Claim> claim = this.leases.claim();
		claim.ifPresent(this::deliver);
		return claim.isPresent();
	}

	private void deliver(DeliveryLeases.Claim claim) {
		DeliveryLeases.Lease lease = claim.lease();
		Optional<DeliveryLeases.Target> target = claim.target();
		if (target.isEmpty() || !WebhookEndpoints.ENABLED.equals(target.get().status())) {
			recorded(lease, this.leases.fail(lease, "The event or the endpoint is gone, or the endpoint is disabled."));
			return;
		}
		String body = this.json.writeValueAsString(EventsController.EventResponse.of(target.get().event()));
		Integer status = null;
		// Again at every delivery: the name may resolve elsewhere than when it was
		// registered.
		String error = this.targets.refusal(WebhookTargets.hostOf(URI.create(target.get().url())))
			.map((refusal) -> "Not sent: " + refusal)
			.orElse(null);
		try {
			if (error == null) {
				HttpResponse<Void> response = this.http.send(request(target.get(), body),
						HttpResponse.BodyHandlers.discarding());
				status = response.statusCode();
			}
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			// Shutting down: not an attempt of the receiver's, so hand it back at once.
			Thread.currentThread().interrupt();
			this.leases.release(lease);
			return;
		}
		if (status != null && status >= 200 && status < 300) {
			recorded(lease, this.leases.delivered(lease, status));
		}
		else {
			recorded(lease, this.leases.retryOrFail(lease, status, (error != null) ? error : "HTTP " + status));
		}
	}

	/**
	 * A lost lease means the delivery took longer than the lease, and another instance
	 * has it again: the receiver may see the event twice (at least once), never lose it.
	 */
	private static void recorded(DeliveryLeases.Lease lease, boolean ours) {
		if (!ours) {
			logger.warn("The lease on the delivery of event {} to {} ran out mid-delivery; it is delivered again",
					lease.position(), lease.endpointId());
		}
	}

	private HttpRequest request(DeliveryLeases.Target target, String body) {
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

}
