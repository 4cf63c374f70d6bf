package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Counts failed password attempts in fixed windows and says when to answer 429. Three
 * counters, chosen so an attacker cannot lock a victim out:
 * <ul>
 * <li><b>IP and account</b>: one client IP gets {@code sourceFailures} tries at one
 * account per window. An attacker's failures block only the attacker's IP.</li>
 * <li><b>Account</b>: past {@code accountFailures} from all IPs the account is under
 * attack; then an IP that has failed against it at least once is held back until either
 * window ends. An IP with no recent failure, such as the real user's, is never held back
 * by this counter, and a user who mistyped waits at most the short account window.</li>
 * <li><b>IP</b>: one client IP gets {@code ipFailures} tries across all accounts per
 * window, against spraying one password over many accounts.</li>
 * </ul>
 * A success clears the IP-and-account and account counters (whoever succeeds knows the
 * password) but not the IP counter. State is in memory, per instance (sharing it between
 * instances is a follow-up). Thread-safe: one lock, held for map updates only.
 */
@Component
class LoginThrottle {

	/** Expired windows are swept when the map grows beyond this. */
	private static final int SWEEP_THRESHOLD = 10_000;

	private final ThrottleProperties limits;

	private final Clock clock;

	private final Map<String, Window> windows = new HashMap<>();

	LoginThrottle(ThrottleProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Lets this IP try this account now, counting the attempt as a failure until
	 * {@link #succeeded} says otherwise; or says how long it must wait. Check and count
	 * happen under one lock, so parallel requests cannot slip past a limit.
	 */
	synchronized Optional<Duration> acquire(String ip, String account) {
		Instant now = this.clock.instant();
		Optional<Duration> wait = retryAfter(ip, account, now);
		if (wait.isEmpty()) {
			increment(sourceKey(ip, account), this.limits.sourceWindow(), now);
			increment(accountKey(account), this.limits.accountWindow(), now);
			increment(ipKey(ip), this.limits.ipWindow(), now);
			sweepIfLarge(now);
		}
		return wait;
	}

	/** The attempt counted by {@link #acquire} had the right password. */
	synchronized void succeeded(String ip, String account) {
		this.windows.remove(sourceKey(ip, account));
		this.windows.remove(accountKey(account));
		this.windows.computeIfPresent(ipKey(ip),
				(key, window) -> (window.failures() <= 1) ? null : new Window(window.endsAt(), window.failures() - 1));
	}

	private Optional<Duration> retryAfter(String ip, String account, Instant now) {
		if (count(ipKey(ip), now) >= this.limits.ipFailures()) {
			return Optional.of(remaining(ipKey(ip), now));
		}
		int source = count(sourceKey(ip, account), now);
		if (source >= this.limits.sourceFailures()) {
			return Optional.of(remaining(sourceKey(ip, account), now));
		}
		if (source > 0 && count(accountKey(account), now) >= this.limits.accountFailures()) {
			Duration accountLeft = remaining(accountKey(account), now);
			Duration sourceLeft = remaining(sourceKey(ip, account), now);
			return Optional.of((accountLeft.compareTo(sourceLeft) < 0) ? accountLeft : sourceLeft);
		}
		return Optional.empty();
	}

	private void sweepIfLarge(Instant now) {
		if (this.windows.size() > SWEEP_THRESHOLD) {
			this.windows.values().removeIf((window) -> !window.isOpenAt(now));
		}
	}

	private void increment(String key, Duration length, Instant now) {
		this.windows.compute(key, (k, window) -> (window == null || !window.isOpenAt(now))
				? new Window(now.plus(length), 1) : new Window(window.endsAt(), window.failures() + 1));
	}

	private int count(String key, Instant now) {
		Window window = this.windows.get(key);
		return (window == null || !window.isOpenAt(now)) ? 0 : window.failures();
	}

	/** At least one second: {@code Retry-After} counts whole seconds. */
	private Duration remaining(String key, Instant now) {
		Window window = this.windows.get(key);
		Duration left = (window != null) ? Duration.between(now, window.endsAt()) : Duration.ZERO;
		long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
		return Duration.ofSeconds(seconds);
	}

	private static String sourceKey(String ip, String account) {
		return "source:" + ip + "|" + normalized(account);
	}

	private static String accountKey(String account) {
		return "account:" + normalized(account);
	}

	private static String ipKey(String ip) {
		return "ip:" + ip;
	}

	private static String normalized(String account) {
		return account.trim().toLowerCase(Locale.ROOT);
	}

	private record Window(Instant endsAt, int failures) {

		boolean isOpenAt(Instant now) {
			return now.isBefore(this.endsAt);
		}

	}

}
