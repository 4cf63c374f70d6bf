package dev.claimsmith.selfservice;

import java.time.Duration;

/** Too many writes through {@code PATCH /me}: answered 429 with {@code Retry-After}. */
public class SelfWriteThrottledException extends RuntimeException {

	private final Duration retryAfter;

	SelfWriteThrottledException(Duration retryAfter) {
		super("Too many updates; try again later.", null, false, false);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, at least one, as {@code Retry-After} wants. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
