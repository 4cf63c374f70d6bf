package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.claimsmith.ApiTest;
import dev.claimsmith.store.CursorPager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances starting at once with one configured key all come up. */
@ApiTest
class ApiKeyRegistrationApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CursorPager pager;

	@Autowired
	DataSource dataSource;

	@Test
	void registerWhenInstancesRaceOnOneKeyThenAllSucceedAndOneRowIsStored() throws Exception {
		String key = "sk_race_" + UUID.randomUUID();
		int instances = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			List<Future<?>> started = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				ApiKeys instance = apiKeys();
				started.add(pool.submit(() -> {
					start.await();
					instance.register(key);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : started) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :hash")
			.param("hash", ApiKeys.hash(key))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(apiKeys().isValid(key)).isTrue();
	}

	@Test
	void registerWhenTheConfiguredKeyWasRevokedThenItStaysRevoked() {
		String key = "sk_revoked_" + UUID.randomUUID();
		ApiKeys apiKeys = apiKeys();
		apiKeys.register(key);
		String id = this.jdbc.sql("SELECT id FROM api_key WHERE key_hash = :hash")
			.param("hash", ApiKeys.hash(key))
			.query(String.class)
			.single();
		assertThat(apiKeys.revoke(id)).isTrue();

		apiKeys().register(key);

		assertThat(apiKeys().isValid(key)).isFalse();
	}

	@Test
	void registerThenTheKeyIsAnAdminKeyNamedForItsSetting() {
		String key = "sk_named_" + UUID.randomUUID();

		apiKeys().register(key);

		assertThat(apiKeys().authenticate(key)).hasValueSatisfying((stored) -> {
			assertThat(stored.scopes()).containsExactly(ApiKeyScope.ADMIN);
			assertThat(stored.name()).isEqualTo("CLAIMSMITH_API_KEY");
			assertThat(key).startsWith(stored.prefix());
		});
	}

	private ApiKeys apiKeys() {
		return new ApiKeys(this.jdbc, this.pager, Clock.systemUTC(), new ApiKeyProperties(100, Duration.ofMinutes(1)),
				this.dataSource);
	}

}
