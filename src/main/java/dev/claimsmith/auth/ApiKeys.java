package dev.claimsmith.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.claimsmith.store.CursorPager;
import dev.claimsmith.store.Ids;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.ListRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: random 256-bit secrets, stored only as SHA-256 hashes, with a name and
 * scopes. A key revoked on any instance is refused by every instance from the next
 * request on: every check asks the database (one probe of a unique index), except on an
 * embedded H2 database, which only this JVM can change, where {@link ApiKeyCache}
 * remembers active keys until a revoke. {@code last_used_at} is written at most once per
 * {@code last-used-resolution} per key, not on every request. Thread-safe.
 */
@Component
class ApiKeys {

	static final String PREFIX = "sk_";

	/** Longer values are never a key: refused without hashing or asking the database. */
	static final int MAX_LENGTH = 256;

	private static final int SHOWN_PREFIX = 11;

	private static final String COLUMNS = "id, name, prefix, scopes, created_at, last_used_at";

	private static final Logger logger = LoggerFactory.getLogger(ApiKeys.class);

	private static final MessageDigest SHA_256 = newSha256();

	private final JdbcClient jdbc;

	private final CursorPager pager;

	private final Clock clock;

	private final ApiKeyProperties properties;

	private final ApiKeyCache cache;

	private final SecureRandom random = new SecureRandom();

	ApiKeys(JdbcClient jdbc, CursorPager pager, Clock clock, ApiKeyProperties properties, DataSource dataSource) {
		this.jdbc = jdbc;
		this.pager = pager;
		this.clock = clock;
		this.properties = properties;
		this.cache = ApiKeyCache.forDataSource(dataSource);
	}

	/**
	 * The active key whose secret is {@code secret}, noting its use. Never logs or keeps
	 * the secret itself.
	 */
	Optional<ApiKey> authenticate(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String hash = hash(secret);
		long generation = this.cache.generation();
		ApiKey cached = this.cache.find(hash);
		ApiKey key = (cached != null) ? cached
				: this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL")
					.param("hash", hash)
					.query(ApiKeys::key)
					.optional()
					.orElse(null);
		if (key == null) {
			return Optional.empty();
		}
		ApiKey noted = noteUse(key);
		if (noted != cached) {
			// Read from the table, or its last use just written: remembered as stored
			// now.
			this.cache.remember(hash, noted, generation);
		}
		return Optional.of(noted);
	}

	/**
	 * The active key with this id: a management token stands for its key only while the
	 * key is active, with the scopes the key has now.
	 */
	Optional<ApiKey> findActive(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.query(ApiKeys::key)
			.optional();
	}

	/** Whether {@code secret} is an active key (of any scope). */
	boolean isValid(String secret) {
		return authenticate(secret).isPresent();
	}

	/** Makes and stores a new key; the secret is in the answer only. */
	@Transactional
	NewApiKey create(String name, Set<ApiKeyScope> scopes) {
		long active = this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL").query(Long.class).single();
		if (active >= this.properties.maxActive()) {
			throw ApiException.conflict("api_key_limit_reached", "At most " + this.properties.maxActive()
					+ " API keys may be active at once; revoke one before creating another.");
		}
		String secret = newSecret();
		return new NewApiKey(insert(secret, name, scopes), secret);
	}

	/** A page of the active keys, newest first unless asked otherwise. */
	Page list(ListRequest request) {
		CursorPager.IdPage page = this.pager.page("SELECT k.id FROM api_key k WHERE k.revoked_at IS NULL", "k.id",
				Map.of(), request);
		if (page.ids().isEmpty()) {
			return new Page(List.of(), page.before(), page.after());
		}
		List<ApiKey> keys = this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id IN (:ids)")
			.param("ids", page.ids())
			.query(ApiKeys::key)
			.list();
		List<ApiKey> ordered = keys.stream()
			.sorted(Comparator.comparingInt((ApiKey key) -> page.ids().indexOf(key.id())))
			.toList();
		return new Page(ordered, page.before(), page.after());
	}

	/**
	 * Revokes an active key. Its row stays (revoked), so the same secret configured again
	 * is not brought back by a restart.
	 * @return whether there was such an active key
	 */
	boolean revoke(String id) {
		boolean revoked = this.jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", Timestamp.from(Timestamps.now(this.clock)))
			.param("id", id)
			.update() > 0;
		this.cache.invalidateAfterCommit();
		return revoked;
	}

	/**
	 * Stores a configured key as an {@code admin} key unless it is already there.
	 * Idempotent, also when several instances start at once on an empty database: the
	 * unique index settles the race and the losers find the key stored. A configured key
	 * that was revoked stays revoked.
	 */
	void register(String secret) {
		String hash = hash(secret);
		Optional<OffsetDateTime> revokedAt = this.jdbc.sql("SELECT revoked_at FROM api_key WHERE key_hash = :hash")
			.param("hash", hash)
			.query((row, number) -> Optional.ofNullable(row.getObject(1, OffsetDateTime.class)))
			.optional()
			.orElse(null);
		if (revokedAt == null) {
			try {
				insert(secret, "CLAIMSMITH_API_KEY", Set.of(ApiKeyScope.ADMIN));
			}
			catch (DuplicateKeyException ex) {
				// Another instance registered the same key first: it is stored, which is
				// all we need.
			}
			return;
		}
		if (revokedAt.isPresent()) {
			logger.warn("The configured API key (claimsmith.api-key) was revoked; it stays refused. "
					+ "Configure a new one or create one with another admin key.");
			return;
		}
		// Stored before prefixes were kept: now that we see the secret, keep its prefix.
		this.jdbc.sql("UPDATE api_key SET prefix = :prefix WHERE key_hash = :hash AND prefix IS NULL")
			.param("prefix", prefixOf(secret))
			.param("hash", hash)
			.update();
	}

	boolean anyActive() {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL").query(Long.class).single() > 0;
	}

	/**
	 * Makes and stores a new {@code admin} key; the caller shows it once, it cannot be
	 * recovered later.
	 */
	@Transactional
	String generate() {
		String secret = newSecret();
		insert(secret, "generated at first start", Set.of(ApiKeyScope.ADMIN));
		return secret;
	}

	private String newSecret() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	private ApiKey insert(String secret, String name, Set<ApiKeyScope> scopes) {
		ApiKey key = new ApiKey(Ids.next("key"), name, prefixOf(secret), scopes, Timestamps.now(this.clock), null);
		this.jdbc
			.sql("INSERT INTO api_key (id, key_hash, name, prefix, scopes, created_at)"
					+ " VALUES (:id, :hash, :name, :prefix, :scopes, :createdAt)")
			.param("id", key.id())
			.param("hash", hash(secret))
			.param("name", name)
			.param("prefix", key.prefix())
			.param("scopes", ApiKeyScope.format(scopes))
			.param("createdAt", Timestamp.from(key.createdAt()))
			.update();
		return key;
	}

	/**
	 * Writes {@code last_used_at} only when the stored value is older than the
	 * resolution, so a busy key costs one write per interval (per instance at worst, the
	 * condition makes racing writers harmless). Bookkeeping: its failure never fails the
	 * request.
	 * @return the key as it is now stored: {@code key} itself when nothing was written
	 */
	private ApiKey noteUse(ApiKey key) {
		Instant now = Timestamps.now(this.clock);
		Instant staleBefore = now.minus(this.properties.lastUsedResolution());
		if (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(staleBefore)) {
			return key;
		}
		try {
			this.jdbc
				.sql("UPDATE api_key SET last_used_at = :now WHERE id = :id"
						+ " AND (last_used_at IS NULL OR last_used_at < :staleBefore)")
				.param("now", Timestamp.from(now))
				.param("id", key.id())
				.param("staleBefore", Timestamp.from(staleBefore))
				.update();
		}
		catch (DataAccessException ex) {
			logger.debug("Could not note the use of API key {}: {}", key.id(), ex.getMessage());
		}
		return key.usedAt(now);
	}

	/** As many characters as tell keys apart, never more than a quarter of the secret. */
	static String prefixOf(String secret) {
		return secret.substring(0, Math.min(SHOWN_PREFIX, secret.length() / 4));
	}

	static String hash(String key) {
		MessageDigest digest;
		try {
			// A clone of a ready instance: getInstance looks the provider up on every
			// call.
			digest = (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			digest = newSha256();
		}
		return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static ApiKey key(ResultSet row, int number) throws SQLException {
		OffsetDateTime lastUsedAt = row.getObject("last_used_at", OffsetDateTime.class);
		return new ApiKey(row.getString("id"), row.getString("name"), row.getString("prefix"),
				ApiKeyScope.parse(row.getString("scopes")),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				(lastUsedAt != null) ? lastUsedAt.toInstant() : null);
	}

	/** A new key and its secret, which is not stored. */
	record NewApiKey(ApiKey key, String secret) {
	}

	/** One page of keys with the cursors around it. */
	record Page(List<ApiKey> keys, String before, String after) {
	}

}
