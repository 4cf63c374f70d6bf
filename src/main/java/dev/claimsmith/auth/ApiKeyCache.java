package dev.claimsmith.auth;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Active API keys remembered by the hash of their secret, used only where that is exact:
 * when every process that can change the keys is this JVM, i.e. an embedded H2 database
 * (a file that one process holds locked, or an in-memory database). There a revoke
 * through {@link ApiKeys#revoke} bumps a generation that every cache of the same database
 * in the JVM shares (two application contexts over one in-memory H2, as in the tests),
 * and entries of an older generation are never used: a revoked key is refused from the
 * next request on, as when every check asked the database. On any other database
 * (PostgreSQL, H2 over TCP or with {@code AUTO_SERVER}) other processes revoke keys, so
 * the cache stays off and every check reads the table.
 *
 * <p>
 * Only keys found active are kept (bounded by how many keys may be active at once); an
 * unknown secret always asks the database. An entry also expires after {@link #MAX_AGE},
 * which bounds how long a change made behind the service's back (SQL on the table) goes
 * unseen. Saves one pooled connection and indexed read per authenticated request (about
 * 14 µs on one core, bench/README.md). Thread-safe.
 */
final class ApiKeyCache {

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	/** Per database URL: embedded H2 databases are shared by name within a JVM. */
	private static final Map<String, AtomicLong> GENERATIONS = new ConcurrentHashMap<>();

	private static final ApiKeyCache DISABLED = new ApiKeyCache(null, System::nanoTime);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation;

	private final LongSupplier nanoClock;

	private ApiKeyCache(AtomicLong generation, LongSupplier nanoClock) {
		this.generation = generation;
		this.nanoClock = nanoClock;
	}

	/** A cache for the pool's database: off unless that is embedded H2. */
	static ApiKeyCache forDataSource(DataSource dataSource) {
		return forDatabase(urlOf(dataSource));
	}

	/**
	 * The JDBC URL the pool was configured with, settings included: the driver's own
	 * metadata URL drops them (H2 answers {@code jdbc:h2:file:…} for a URL with
	 * {@code AUTO_SERVER=TRUE}), and whether other processes may write depends on them.
	 * Null for another pool, whose settings are unknown: then nothing is cached.
	 */
	static String urlOf(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
			}
		}
		catch (SQLException ex) {
			// Not unwrappable: treated as unknown.
		}
		return null;
	}

	/** A cache for the database at {@code jdbcUrl}: off unless that is embedded H2. */
	static ApiKeyCache forDatabase(String jdbcUrl) {
		return forDatabase(jdbcUrl, System::nanoTime);
	}

	static ApiKeyCache forDatabase(String jdbcUrl, LongSupplier nanoClock) {
		if (!isEmbeddedH2(jdbcUrl)) {
			return DISABLED;
		}
		String database = jdbcUrl.split(";", 2)[0];
		return new ApiKeyCache(GENERATIONS.computeIfAbsent(database, (name) -> new AtomicLong()), nanoClock);
	}

	/** Whether only this JVM can write the database at {@code jdbcUrl}. */
	static boolean isEmbeddedH2(String jdbcUrl) {
		if (jdbcUrl == null) {
			return false;
		}
		String url = jdbcUrl.toLowerCase(Locale.ROOT);
		if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
			return false;
		}
		return !url.replace(" ", "").contains(";auto_server=true");
	}

	boolean isEnabled() {
		return this.generation != null;
	}

	/** The generation to pass to {@link #remember}: read it before reading the table. */
	long generation() {
		return isEnabled() ? this.generation.get() : 0;
	}

	/**
	 * The active key with this secret's hash, if remembered and still valid; else null.
	 */
	ApiKey find(String hash) {
		if (!isEnabled()) {
			return null;
		}
		Entry entry = this.entries.get(hash);
		if (entry == null) {
			return null;
		}
		if (entry.generation() != this.generation.get()
				|| this.nanoClock.getAsLong() - entry.storedAt() > MAX_AGE.toNanos()) {
			this.entries.remove(hash, entry);
			return null;
		}
		return entry.key();
	}

	/**
	 * Keeps a key read as active from the table, unless a revoke happened since
	 * {@code generation} was read (then the read may have seen the key before it).
	 */
	void remember(String hash, ApiKey key, long generation) {
		if (isEnabled() && generation == this.generation.get()) {
			this.entries.put(hash, new Entry(key, generation, this.nanoClock.getAsLong()));
		}
	}

	/**
	 * Forgets every key once the current transaction (if any) commits, so that no read
	 * that saw the key active before the change can be remembered after it.
	 */
	void invalidateAfterCommit() {
		if (!isEnabled()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					invalidate();
				}
			});
		}
		invalidate();
	}

	private void invalidate() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	private record Entry(ApiKey key, long generation, long storedAt) {
	}

}
