package dev.claimsmith.events;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes events past {@code claimsmith.events.retention}, like expired credentials are
 * purged (auth/ExpiredCredentialsPurge): every {@code claimsmith.events.purge-interval}
 * on every instance (deleting is idempotent), in batches of {@value #BATCH}, each its own
 * statement, so a large backlog never holds locks for long. Webhook deliveries of those
 * events go too. The feed stops serving such events at once, purged or not.
 */
@Component
class EventsPurge implements SchedulingConfigurer {

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(EventsPurge.class);

	private final EventFeed feed;

	private final EventsProperties properties;

	private final Clock clock;

	EventsPurge(EventFeed feed, EventsProperties properties, Clock clock) {
		this.feed = feed;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::scheduled, this.properties.purgeInterval(), this.properties.purgeInterval()));
	}

	void scheduled() {
		try {
			int purged = purge(this.clock.instant());
			if (purged > 0) {
				logger.info("Purged {} events past their retention", purged);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Purging expired events failed; the next run retries: {}", ex.getMessage());
		}
	}

	/** Deletes the events created more than the retention before {@code now}. */
	int purge(Instant now) {
		Instant cutoff = now.minus(this.properties.retention());
		int total = 0;
		int deleted;
		do {
			deleted = this.feed.purge(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		while (this.feed.purgeDeliveries(cutoff, BATCH) > 0) {
			// Deliveries of purged events, in batches too.
		}
		return total;
	}

}
