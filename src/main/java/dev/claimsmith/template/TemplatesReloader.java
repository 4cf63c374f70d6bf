package dev.claimsmith.template;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Polls the templates folder every {@link TemplateProperties#reloadInterval()} (never,
 * when zero) so edits go live without a restart. Runs on the application's scheduler,
 * like all periodic work.
 */
@Component
class TemplatesReloader implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TemplatesReloader.class);

	private final ClaimsTemplates templates;

	private final Duration interval;

	TemplatesReloader(ClaimsTemplates templates, TemplateProperties properties) {
		this.templates = templates;
		this.interval = properties.reloadInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.interval.isNegative() && !this.interval.isZero()) {
			registrar.addFixedDelayTask(new FixedDelayTask(this::reload, this.interval, this.interval));
		}
	}

	void reload() {
		try {
			this.templates.reload();
		}
		catch (RuntimeException ex) {
			// Logged here, naming what failed; the schedule carries on either way.
			logger.warn("Reloading claims templates failed", ex);
		}
	}

}
