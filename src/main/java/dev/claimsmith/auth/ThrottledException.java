package dev.claimsmith.auth;

import java.time.Duration;

/** Too many failed attempts: answered 429 with {@code Retry-After}. */
class ThrottledException extends RuntimeException {

	private final Duration retryAfter;

	ThrottledException(Duration retryAfter) {
		super("Too many failed sign-in attempts.", null, false, false);
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
