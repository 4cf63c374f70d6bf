package dev.claimsmith.keys;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Checks the key file every {@link KeysProperties#reloadInterval()} so instances sharing
 * the folder pick up each other's rotations. Runs on the application's scheduler, like
 * all periodic work: a reload must never run on a request thread.
 */
@Component
class KeysReloader implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(KeysReloader.class);

	private final SigningKeys signingKeys;

	private final Duration interval;

	KeysReloader(SigningKeys signingKeys, KeysProperties properties) {
		this.signingKeys = signingKeys;
		this.interval = properties.reloadInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::reload, this.interval, this.interval));
	}

	void reload() {
		try {
			this.signingKeys.reloadIfChanged();
		}
		catch (RuntimeException ex) {
			// Logged here, naming what failed; the schedule carries on either way.
			logger.error("Checking the key file failed", ex);
		}
	}

}
