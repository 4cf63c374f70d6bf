package dev.claimsmith.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.claimsmith.store.Ids;
import dev.claimsmith.store.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: random 256-bit secrets, stored only as SHA-256 hashes. Known hashes are kept
 * in memory so checking a key costs no query; an unknown key is looked up in the database
 * (another instance may have made it). Thread-safe.
 */
@Component
public class ApiKeys {

	static final String PREFIX = "sk_";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Set<String> knownHashes = ConcurrentHashMap.newKeySet();

	ApiKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether {@code key} is one of our API keys. Never logs or keeps the key itself. */
	public boolean isValid(String key) {
		if (key == null || key.isEmpty() || key.length() > 256) {
			return false;
		}
		String hash = hash(key);
		if (this.knownHashes.contains(hash)) {
			return true;
		}
		boolean stored = this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single() > 0;
		if (stored) {
			this.knownHashes.add(hash);
		}
		return stored;
	}

	/**
	 * Stores the hash of a configured key unless it is already there. Idempotent, also
	 * when several instances start at once on an empty database: the unique index settles
	 * the race and the losers find the key stored.
	 */
	void register(String key) {
		String hash = hash(key);
		if (!isValid(key)) {
			try {
				insert(hash);
			}
			catch (DuplicateKeyException ex) {
				// Another instance registered the same key first: it is stored, which is
				// all we need.
			}
		}
		this.knownHashes.add(hash);
	}

	boolean anyStored() {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single() > 0;
	}

	/**
	 * Makes and stores a new key; the caller shows it once, it cannot be recovered later.
	 */
	@Transactional
	String generate() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String hash = hash(key);
		insert(hash);
		this.knownHashes.add(hash);
		return key;
	}

	private void insert(String hash) {
		this.jdbc.sql("INSERT INTO api_key (id, key_hash, created_at) VALUES (:id, :hash, :createdAt)")
			.param("id", Ids.next("key"))
			.param("hash", hash)
			.param("createdAt", Timestamp.from(Timestamps.now(this.clock)))
			.update();
	}

	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
