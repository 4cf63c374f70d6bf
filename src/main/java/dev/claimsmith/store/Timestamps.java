package dev.claimsmith.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The contract's timestamps: UTC with milliseconds and {@code Z}. Stored at millisecond
 * precision too, so what is written is exactly what is read back.
 */
public final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** {@code 2026-11-23T10:15:30.123Z}, or null for null. */
	public static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

}
