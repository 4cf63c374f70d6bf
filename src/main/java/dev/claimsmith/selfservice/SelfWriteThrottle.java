package dev.claimsmith.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Bounds how often one user may write through {@code PATCH /me}: a fixed window per user,
 * kept in memory (per instance, so n instances allow n times the budget; writes are cheap
 * and authenticated, unlike sign-in attempts, which are counted in the database). The
 * table is bounded: the least recently seen users are forgotten first. Thread-safe.
 */
@Component
class SelfWriteThrottle {

	private static final int MAX_TRACKED_USERS = 100_000;

	private final Clock clock;

	private final int writesPerWindow;

	private final Duration window;

	private final Map<String, Window> windows = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
			return size() > MAX_TRACKED_USERS;
		}

	};

	SelfWriteThrottle(Clock clock, SelfServiceProperties properties) {
		this.clock = clock;
		this.writesPerWindow = properties.writesPerWindow();
		this.window = properties.writeWindow();
	}

	/**
	 * Counts one write of the user.
	 * @throws SelfWriteThrottledException when the user's budget for this window is spent
	 */
	synchronized void acquire(String userId) {
		Instant now = this.clock.instant();
		Window current = this.windows.get(userId);
		if (current == null || !now.isBefore(current.endsAt())) {
			current = new Window(now.plus(this.window), 0);
		}
		if (current.writes() >= this.writesPerWindow) {
			this.windows.put(userId, current);
			throw new SelfWriteThrottledException(Duration.between(now, current.endsAt()));
		}
		this.windows.put(userId, new Window(current.endsAt(), current.writes() + 1));
	}

	private record Window(Instant endsAt, int writes) {
	}

}
