package dev.claimsmith.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed fingerprints of a claims context, so introspection can tell exactly whether a
 * token's claims are stale: a token carries the fingerprint of the context it was minted
 * from, computed from the very values the mint query read (no query of its own), and
 * introspection compares it with the fingerprint of the current context. Any change a
 * template can read changes it; a change of anything else (a sign-in time, a password)
 * does not, and neither does a write that committed before the mint, however close to it.
 * HMAC-SHA256 with a key shared by all instances through the database, truncated to 128
 * bits: a token holder cannot confirm guesses of the private metadata it summarizes. The
 * key is read (or created) at start-up: fingerprints are built inside the mint query's
 * result-set callback, which holds a pooled connection, so reading the key there would
 * need a second one, and a burst of first mints could take every connection and wait for
 * one more. Thread-safe.
 */
@Component
class ClaimsFingerprints implements SmartInitializingSingleton {

	/** The private claim that carries the fingerprint. */
	static final String CLAIM = "claims_fp";

	private static final String ALGORITHM = "HmacSHA256";

	private static final int FINGERPRINT_BYTES = 16;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private volatile SecretKeySpec key;

	ClaimsFingerprints(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Start-up: the shared key, read once before the server takes requests. */
	@Override
	public void afterSingletonsInstantiated() {
		this.key = new SecretKeySpec(HexFormat.of().parseHex(storedSecret()), ALGORITHM);
	}

	/** A new fingerprint to feed values into, in a fixed order. */
	Builder builder() {
		Mac mac = this.macs.get();
		mac.reset();
		return new Builder(mac);
	}

	private Mac newMac() {
		if (this.key == null) {
			// Never read here: the caller holds a pooled connection (see the class
			// comment).
			throw new IllegalStateException("The claims-fingerprint key is read at start-up, not on first use");
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

	/** The shared key: the stored one, or a new one when this instance is the first. */
	private String storedSecret() {
		List<String> stored = select();
		if (!stored.isEmpty()) {
			return stored.get(0);
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			this.jdbc.sql("INSERT INTO claims_fingerprint_key (id, secret, created_at) VALUES (1, ?, ?)")
				.params(HexFormat.of().formatHex(secret), Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another instance made it first: use that one.
		}
		return select().get(0);
	}

	private List<String> select() {
		return this.jdbc.sql("SELECT secret FROM claims_fingerprint_key WHERE id = 1").query(String.class).list();
	}

	/**
	 * Feeds values in an unambiguous encoding (a tag per type, lengths before text), so
	 * that no two different sequences of values feed the same bytes. Not thread-safe: one
	 * per fingerprint, on one thread.
	 */
	static final class Builder {

		private final Mac mac;

		private final ByteBuffer length = ByteBuffer.allocate(4);

		private Builder(Mac mac) {
			this.mac = mac;
		}

		Builder add(Object value) {
			if (value == null) {
				this.mac.update((byte) 0);
			}
			else if (value instanceof Boolean bool) {
				this.mac.update(bool ? (byte) 1 : (byte) 2);
			}
			else {
				byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
				this.mac.update((byte) 3);
				this.length.clear();
				this.mac.update(this.length.putInt(text.length).array());
				this.mac.update(text);
			}
			return this;
		}

		/** Marks the end of one object or list, so values cannot slide between them. */
		Builder end() {
			this.mac.update((byte) 4);
			return this;
		}

		String build() {
			byte[] digest = this.mac.doFinal();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, FINGERPRINT_BYTES));
		}

	}

}
