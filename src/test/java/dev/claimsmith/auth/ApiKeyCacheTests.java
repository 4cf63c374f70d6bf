package dev.claimsmith.auth;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiKeyCache}: on only where this JVM is the only writer, never hands out a key
 * read before a revoke, and shares its revokes with every cache of the same database.
 */
class ApiKeyCacheTests {

	private static final ApiKey KEY = new ApiKey("key_1", "k", "sk_abc", Set.of(ApiKeyScope.ADMIN), Instant.EPOCH,
			null);

	@Test
	void onForEmbeddedH2OnlyNeverWhereAnotherProcessCanWrite() {
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:file:./data/claimsmith;WRITE_DELAY=0")).isTrue();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:./data/claimsmith")).isTrue();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:tcp://db:9092/claimsmith")).isFalse();
		assertThat(ApiKeyCache.isEmbeddedH2("JDBC:H2:SSL://db/claimsmith")).isFalse();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:file:./data/c;AUTO_SERVER=TRUE")).isFalse();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:h2:file:./data/c; auto_server = true")).isFalse();
		assertThat(ApiKeyCache.isEmbeddedH2("jdbc:postgresql://db/claimsmith")).isFalse();
		assertThat(ApiKeyCache.isEmbeddedH2(null)).isFalse();
		assertThat(ApiKeyCache.forDatabase("jdbc:postgresql://db/claimsmith").isEnabled()).isFalse();
	}

	/**
	 * The pool's configured URL, not the driver's metadata URL, which drops the settings
	 * ({@code AUTO_SERVER=TRUE} among them).
	 */
	@Test
	void urlComesWithItsSettingsFromThePoolAndAnUnknownPoolMeansNoCache() throws Exception {
		try (HikariDataSource autoServer = new HikariDataSource()) {
			autoServer.setJdbcUrl("jdbc:h2:file:./target/never-opened;AUTO_SERVER=TRUE");

			assertThat(ApiKeyCache.urlOf(autoServer)).endsWith(";AUTO_SERVER=TRUE");
			assertThat(ApiKeyCache.forDataSource(autoServer).isEnabled()).isFalse();
		}
		assertThat(ApiKeyCache.urlOf(new SimpleDriverDataSource())).isNull();
		assertThat(ApiKeyCache.forDataSource(new SimpleDriverDataSource()).isEnabled()).isFalse();
	}

	@Test
	void disabledCacheRemembersNothing() {
		ApiKeyCache cache = ApiKeyCache.forDatabase("jdbc:postgresql://db/claimsmith");

		cache.remember("hash", KEY, cache.generation());

		assertThat(cache.find("hash")).isNull();
	}

	@Test
	void rememberedKeyIsFoundUntilARevokeThenNever() {
		ApiKeyCache cache = ApiKeyCache.forDatabase(url());
		cache.remember("hash", KEY, cache.generation());
		assertThat(cache.find("hash")).isEqualTo(KEY);

		cache.invalidateAfterCommit();

		assertThat(cache.find("hash")).isNull();
	}

	@Test
	void readThatStartedBeforeARevokeIsNotRemembered() {
		ApiKeyCache cache = ApiKeyCache.forDatabase(url());
		long before = cache.generation();
		// The table read happens here and sees the key active; then a revoke commits.
		cache.invalidateAfterCommit();

		cache.remember("hash", KEY, before);

		assertThat(cache.find("hash")).isNull();
	}

	@Test
	void revokeThroughOneCacheInvalidatesEveryCacheOfTheSameDatabase() {
		String url = url();
		ApiKeyCache first = ApiKeyCache.forDatabase(url + ";DB_CLOSE_DELAY=-1");
		ApiKeyCache second = ApiKeyCache.forDatabase(url);
		ApiKeyCache other = ApiKeyCache.forDatabase(url());
		second.remember("hash", KEY, second.generation());
		other.remember("hash", KEY, other.generation());

		first.invalidateAfterCommit();

		assertThat(second.find("hash")).isNull();
		assertThat(other.find("hash")).isEqualTo(KEY);
	}

	@Test
	void revokeInsideATransactionInvalidatesAgainWhenItCompletes() {
		ApiKeyCache cache = ApiKeyCache.forDatabase(url());
		TransactionSynchronizationManager.initSynchronization();
		try {
			cache.invalidateAfterCommit();
			// A read before the commit still sees the key active and is remembered.
			cache.remember("hash", KEY, cache.generation());
			assertThat(cache.find("hash")).isEqualTo(KEY);

			TransactionSynchronizationManager.getSynchronizations()
				.forEach((sync) -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

			assertThat(cache.find("hash")).isNull();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void entryExpiresAfterItsMaximumAge() {
		AtomicLong now = new AtomicLong();
		ApiKeyCache cache = ApiKeyCache.forDatabase(url(), now::get);
		cache.remember("hash", KEY, cache.generation());

		now.addAndGet(ApiKeyCache.MAX_AGE.toNanos());
		assertThat(cache.find("hash")).isEqualTo(KEY);
		now.incrementAndGet();

		assertThat(cache.find("hash")).isNull();
	}

	private static String url() {
		return "jdbc:h2:mem:cache-" + unique();
	}

}
