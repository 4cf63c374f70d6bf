package dev.claimsmith.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.claimsmith.store.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionOperations;

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
 * password) but not the IP counter.
 * <p>
 * The counters live in the database (table {@code login_failure}), so every instance
 * spends one budget. An attempt increments its three counters in one transaction with
 * {@code failures = failures + 1}, which row-locks them until it commits: concurrent
 * attempts, on any instance, queue behind each other and none is lost or slips past a
 * limit. A refused attempt rolls back, so waiting does not count as failing. Rows are
 * locked in the order of their keys, so two attempts never deadlock. Thread-safe.
 */
@Component
class LoginThrottle {

	private static final String INCREMENT = "UPDATE login_failure"
			+ " SET failures = CASE WHEN window_ends_at > :now THEN failures + 1 ELSE 1 END,"
			+ " window_ends_at = CASE WHEN window_ends_at > :now THEN window_ends_at ELSE :newEnd END"
			+ " WHERE throttle_key = :key";

	private final ThrottleProperties limits;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	LoginThrottle(ThrottleProperties limits, JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.limits = limits;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Lets this IP try this account now, counting the attempt as a failure until
	 * {@link #succeeded} says otherwise; or says how long it must wait. Check and count
	 * happen in one transaction, so parallel requests cannot slip past a limit.
	 */
	Optional<Duration> acquire(String ip, String account) {
		Instant now = Timestamps.now(this.clock);
		Counters counters = new Counters(ip, account, this.limits);
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Map<String, Window> before = countAttempt(counters, now, status);
			Optional<Duration> wait = retryAfter(counters, before, now);
			if (wait.isPresent()) {
				status.setRollbackOnly();
			}
			return wait;
		}));
	}

	/** The attempt counted by {@link #acquire} had the right password. */
	void succeeded(String ip, String account) {
		Counters counters = new Counters(ip, account, this.limits);
		// One statement each, outside a transaction: each holds one row lock at a time.
		for (String key : List.of(counters.source().key(), counters.account().key())) {
			this.jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", key).update();
		}
		this.jdbc.sql("UPDATE login_failure SET failures = failures - 1 WHERE throttle_key = :key AND failures > 0")
			.param("key", counters.ip().key())
			.update();
	}

	/** Increments every counter; returns each one's window as it was before. */
	private Map<String, Window> countAttempt(Counters counters, Instant now, TransactionStatus status) {
		List<Counter> inLockOrder = counters.all().stream().sorted(Comparator.comparing(Counter::key)).toList();
		for (Counter counter : inLockOrder) {
			increment(counter, now, status);
		}
		return this.jdbc
			.sql("SELECT throttle_key, failures, window_ends_at FROM login_failure WHERE throttle_key IN (:keys)")
			.param("keys", inLockOrder.stream().map(Counter::key).toList())
			.query((row, number) -> Map.entry(row.getString(1),
					new Window(row.getInt(2) - 1, row.getObject(3, OffsetDateTime.class).toInstant())))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Adds one failure, creating the row if needed. Two first failures racing to insert
	 * are settled by the primary key: the loser, back at its savepoint (PostgreSQL would
	 * otherwise abort the whole transaction), increments the winner's row.
	 */
	private void increment(Counter counter, Instant now, TransactionStatus status) {
		if (update(counter, now) > 0) {
			return;
		}
		Object savepoint = status.createSavepoint();
		try {
			this.jdbc
				.sql("INSERT INTO login_failure (throttle_key, failures, window_ends_at) VALUES (:key, 1, :newEnd)")
				.param("key", counter.key())
				.param("newEnd", Timestamp.from(now.plus(counter.window())))
				.update();
			status.releaseSavepoint(savepoint);
		}
		catch (DuplicateKeyException ex) {
			status.rollbackToSavepoint(savepoint);
			update(counter, now);
		}
	}

	private int update(Counter counter, Instant now) {
		return this.jdbc.sql(INCREMENT)
			.param("now", Timestamp.from(now))
			.param("newEnd", Timestamp.from(now.plus(counter.window())))
			.param("key", counter.key())
			.update();
	}

	private Optional<Duration> retryAfter(Counters counters, Map<String, Window> before, Instant now) {
		Window ip = before.get(counters.ip().key());
		Window source = before.get(counters.source().key());
		Window account = before.get(counters.account().key());
		if (ip.failures() >= counters.ip().limit()) {
			return Optional.of(ip.remaining(now));
		}
		if (source.failures() >= counters.source().limit()) {
			return Optional.of(source.remaining(now));
		}
		if (source.failures() > 0 && account.failures() >= counters.account().limit()) {
			Duration accountLeft = account.remaining(now);
			Duration sourceLeft = source.remaining(now);
			return Optional.of((accountLeft.compareTo(sourceLeft) < 0) ? accountLeft : sourceLeft);
		}
		return Optional.empty();
	}

	/** The row key of the counter of failures from {@code ip}. */
	static String ipKey(String ip) {
		return ApiKeys.hash("ip:" + ip);
	}

	/** The three counters one attempt touches. */
	private record Counters(Counter source, Counter account, Counter ip) {

		Counters(String ip, String account, ThrottleProperties limits) {
			this(Counter.of("source:" + ip + "|" + normalized(account), limits.sourceFailures(), limits.sourceWindow()),
					Counter.of("account:" + normalized(account), limits.accountFailures(), limits.accountWindow()),
					new Counter(ipKey(ip), limits.ipFailures(), limits.ipWindow()));
		}

		List<Counter> all() {
			return List.of(this.source, this.account, this.ip);
		}

		private static String normalized(String account) {
			return account.trim().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A counter's row: keyed by a hash, so the table holds no email or IP in the clear.
	 */
	private record Counter(String key, int limit, Duration window) {

		static Counter of(String name, int limit, Duration window) {
			return new Counter(ApiKeys.hash(name), limit, window);
		}

	}

	/** A counter before this attempt: its failures (0 when its window had ended). */
	private record Window(int failures, Instant endsAt) {

		/** At least one second: {@code Retry-After} counts whole seconds. */
		Duration remaining(Instant now) {
			long millis = Duration.between(now, this.endsAt).toMillis();
			return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
		}

	}

}
