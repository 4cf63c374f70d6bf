package dev.claimsmith.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the events feed ({@code claimsmith.events.*}).
 *
 * @param retention how long an event stays readable (30 days, as WorkOS)
 * @param purgeInterval how often expired events are deleted
 */
@ConfigurationProperties("claimsmith.events")
record EventsProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {

	EventsProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("claimsmith.events.retention must be positive");
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException("claimsmith.events.purge-interval must be positive");
		}
	}

}
