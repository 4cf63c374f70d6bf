package dev.claimsmith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock tests move by hand instead of sleeping: {@link #stoppedNow() stopped} (only
 * {@link #advance} and {@link #set} move it, for lifecycles played out step by step) or
 * {@link #ticking() ticking} (the system clock plus what tests added, for an application
 * that must also see real time pass). Thread-safe.
 */
public final class MutableClock extends Clock {

	private final boolean ticking;

	/**
	 * Stopped: the time. Ticking: the offset's origin, so now is system time + offset.
	 */
	private volatile Instant stopped;

	private volatile Duration offset = Duration.ZERO;

	private MutableClock(boolean ticking, Instant stopped) {
		this.ticking = ticking;
		this.stopped = stopped;
	}

	/** A clock that stands at the current time until moved. */
	public static MutableClock stoppedNow() {
		return new MutableClock(false, Instant.now());
	}

	/** The system clock plus whatever {@link #advance} adds. */
	public static MutableClock ticking() {
		return new MutableClock(true, null);
	}

	public void advance(Duration duration) {
		if (this.ticking) {
			this.offset = this.offset.plus(duration);
		}
		else {
			this.stopped = this.stopped.plus(duration);
		}
	}

	/** Moves to {@code instant}; a ticking clock ticks on from there. */
	public void set(Instant instant) {
		if (this.ticking) {
			this.offset = Duration.between(Instant.now(), instant);
		}
		else {
			this.stopped = instant;
		}
	}

	@Override
	public Instant instant() {
		return this.ticking ? Instant.now().plus(this.offset) : this.stopped;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("UTC only");
	}

}
