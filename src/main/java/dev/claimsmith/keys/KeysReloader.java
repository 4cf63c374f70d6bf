package dev.claimsmith.keys;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks the key file every {@link KeysProperties#reloadInterval()} so instances sharing
 * the folder pick up each other's rotations. Its own daemon thread (not yet the
 * application's scheduler, issue 17 item 4): a reload must never run on a request thread.
 */
@Component
class KeysReloader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(KeysReloader.class);

	private final SigningKeys signingKeys;

	private final KeysProperties properties;

	private ScheduledExecutorService executor;

	KeysReloader(SigningKeys signingKeys, KeysProperties properties) {
		this.signingKeys = signingKeys;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "claimsmith-keys-reload");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.reloadInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::reload, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		this.executor.shutdownNow();
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void reload() {
		try {
			this.signingKeys.reloadIfChanged();
		}
		catch (RuntimeException ex) {
			// A thrown exception would cancel the schedule for good.
			logger.error("Checking the key file failed", ex);
		}
	}

}
