package dev.claimsmith.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed password attempts (see {@link LoginThrottle} for how they combine).
 *
 * @param sourceFailures failures one client IP may make against one account per window
 * @param sourceWindow that window
 * @param accountFailures failures from all IPs after which an account is "under attack"
 * and IPs that already failed against it are held back
 * @param accountWindow that window; short, so a victim is never held back for long
 * @param ipFailures failures one client IP may make across all accounts per window
 * @param ipWindow that window
 */
@ConfigurationProperties("claimsmith.throttle")
record ThrottleProperties(@DefaultValue("5") int sourceFailures, @DefaultValue("5m") Duration sourceWindow,
		@DefaultValue("10") int accountFailures, @DefaultValue("5m") Duration accountWindow,
		@DefaultValue("50") int ipFailures, @DefaultValue("15m") Duration ipWindow) {

	ThrottleProperties {
		if (sourceFailures < 1 || accountFailures < 1 || ipFailures < 1) {
			throw new IllegalArgumentException("claimsmith.throttle failure limits must be at least 1");
		}
		if (!isPositive(sourceWindow) || !isPositive(accountWindow) || !isPositive(ipWindow)) {
			throw new IllegalArgumentException("claimsmith.throttle windows must be positive");
		}
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
