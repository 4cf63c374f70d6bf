package dev.claimsmith.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code claimsmith.webhooks.*}).
 *
 * @param allowedHttpHosts hosts a plain {@code http} endpoint may name (none by default:
 * endpoints must be {@code https}); they may also resolve to private addresses
 * @param allowedPrivateHosts hosts an endpoint may name although they are (or resolve to)
 * loopback, private or link-local addresses (none by default: public addresses only)
 * @param timeout how long a receiver may take to answer
 * @param initialBackoff the wait after a first failed attempt; it doubles per attempt
 * @param maxBackoff the longest wait between attempts
 * @param retryFor how long after the event a delivery is retried before it is failed
 * @param pollInterval how often each instance looks for due deliveries
 * @param leaseMargin how much longer than {@code timeout} a delivery stays leased to the
 * instance making it; when the lease runs out (that instance died mid-delivery), the
 * delivery is due again for any instance
 */
@ConfigurationProperties("claimsmith.webhooks")
record WebhookProperties(@DefaultValue List<String> allowedHttpHosts, @DefaultValue List<String> allowedPrivateHosts,
		@DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration leaseMargin) {

	WebhookProperties {
		if (leaseMargin.isNegative()) {
			// A lease shorter than the timeout would let a second instance deliver while
			// the first still waits for the receiver.
			throw new IllegalArgumentException("claimsmith.webhooks.lease-margin must not be negative");
		}
	}

	/** The wait before the attempt after {@code attempts} failed ones. */
	Duration backoffAfter(int attempts) {
		Duration backoff = this.initialBackoff;
		for (int i = 1; i < attempts && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
	}

}
