package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

/**
 * The keys of one version of the key file, loaded and validated. Immutable; what it
 * publishes and which key signs depend only on the instant asked about.
 */
final class KeyRing {

	private final List<RingKey> keys;

	private final Duration retention;

	private KeyRing(List<RingKey> keys, Duration retention) {
		this.keys = keys;
		this.retention = retention;
	}

	/**
	 * Loads every stored key; throws {@link UnusableKeyException} naming the first key
	 * that is weak or unusable, or whose kid repeats.
	 */
	static KeyRing load(List<StoredKey> stored, Instant now, Duration retention, SignatureProviders providers) {
		List<RingKey> keys = new ArrayList<>();
		Set<String> kids = new HashSet<>();
		for (StoredKey key : stored) {
			KeyStatus status = key.lifecycle().statusAt(now, retention);
			RingKey loaded = RingKey.load(key, status == KeyStatus.ACTIVE || status == KeyStatus.PENDING, providers);
			if (!kids.add(loaded.kid())) {
				throw new UnusableKeyException(
						"Two keys in " + KeyFile.FILE_NAME + " share the kid '" + loaded.kid() + "'");
			}
			keys.add(loaded);
		}
		return new KeyRing(List.copyOf(keys), retention);
	}

	List<RingKey> keys() {
		return this.keys;
	}

	/**
	 * What to publish and which key signs at {@code now}, valid until the next
	 * transition.
	 */
	View viewAt(Instant now) {
		List<RingKey> published = this.keys.stream()
			.filter((key) -> key.statusAt(now, this.retention) != KeyStatus.REMOVED)
			.toList();
		Optional<RingKey> active = published.stream()
			.filter((key) -> key.statusAt(now, this.retention) == KeyStatus.ACTIVE)
			.max(Comparator.comparing((RingKey key) -> key.lifecycle().activatesAt())
				.thenComparing((key) -> key.lifecycle().createdAt()));
		return new View(active, published, nextTransitionAfter(now), PublishedJwks.of(published));
	}

	private Instant nextTransitionAfter(Instant now) {
		Instant next = Instant.MAX;
		for (RingKey key : this.keys) {
			KeyLifecycle lifecycle = key.lifecycle();
			for (Instant transition : new Instant[] { lifecycle.activatesAt(), lifecycle.retiredAt(),
					lifecycle.removedAt(this.retention) }) {
				if (transition != null && transition.isAfter(now) && transition.isBefore(next)) {
					next = transition;
				}
			}
		}
		return next;
	}

	/**
	 * The ring as seen at one instant.
	 *
	 * @param active the key that signs, empty only when the file has no usable signing
	 * key
	 * @param published every key not yet removed, pending ones included
	 * @param validUntil the first instant at which this view may be stale
	 */
	record View(Optional<RingKey> active, List<RingKey> published, Instant validUntil, PublishedJwks jwks) {

		Optional<RingKey> published(String kid) {
			return this.published.stream().filter((key) -> key.kid().equals(kid)).findFirst();
		}

	}

	/**
	 * The public JWK set, rendered once per view so the endpoint serves bytes and an ETag
	 * without work per request.
	 */
	record PublishedJwks(JWKSet set, String json, String etag) {

		static PublishedJwks of(List<RingKey> keys) {
			JWKSet set = new JWKSet(keys.stream().map(RingKey::publicJwk).toList());
			String json = set.toString(true);
			return new PublishedJwks(set, json, "\"" + sha256(json) + "\"");
		}

		private static String sha256(String text) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
				return Base64URL.encode(digest).toString();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
