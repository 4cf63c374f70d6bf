package dev.claimsmith.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import dev.claimsmith.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The signing keys of the {@code keys/} folder: which one signs now, what the JWKS
 * publishes, and rotation. Keys are loaded and their signers built when the file changes,
 * never per call; {@link #active()} and {@link #publicJwkSet()} are lock-free and
 * thread-safe.
 * <p>
 * Construction does no I/O. {@link #load()}, called once at start-up when every bean
 * exists and before the server takes requests, creates the folder (mode 700) and, when it
 * holds no active key, generates a key of {@link KeysProperties#algorithm()}; weak or
 * unusable keys make it fail with an {@link IllegalStateException} naming the key, which
 * stops the application.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final KeysProperties properties;

	private final Clock clock;

	private final KeyFile file;

	private final SignatureProviders providers;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	SigningKeys(KeysProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.file = new KeyFile(properties.dir());
		this.providers = SignatureProviders.of(properties.provider());
	}

	/** Start-up: the application's one call of {@link #load()}. */
	@Override
	public void afterSingletonsInstantiated() {
		load();
	}

	/**
	 * Reads the key folder, generating the first key if there is no active one.
	 * @throws IllegalStateException for a weak or unusable key, naming it
	 */
	synchronized void load() {
		logger.info("Signing providers (claimsmith.keys.provider={}): {}",
				this.properties.provider().name().toLowerCase(), this.providers.describe());
		this.file.prepare();
		this.file.locked(this::loadOrGenerate);
		RingKey active = view().active().orElseThrow();
		logger.info("Signing with key {} ({}); {} key(s) published from {}", active.kid(), active.algorithm(),
				view().published().size(), this.file.path());
		if (!active.algorithm().equals(this.properties.algorithm())) {
			logger.warn("claimsmith.keys.algorithm is {} but the active key is {}; the next rotation switches to {}",
					this.properties.algorithm(), active.algorithm(), this.properties.algorithm());
		}
	}

	/** The key to sign with now. */
	public ActiveSigningKey active() {
		return view().active()
			.map(RingKey::signing)
			.orElseThrow(() -> new IllegalStateException("No active signing key in " + this.file.path()));
	}

	/** The public keys verifiers may meet: pending, active and recently retired. */
	JWKSet publicJwkSet() {
		return view().jwks().set();
	}

	/**
	 * Adds a key of the configured algorithm: published at once, signing after
	 * {@link KeysProperties#prePublishDelay()}, when the current key retires.
	 * @return the new key's kid
	 * @throws ApiException 409 {@code rotation_in_progress} while a previous new key is
	 * still pending
	 */
	synchronized String rotate() {
		return this.file.locked(() -> {
			Instant now = this.clock.instant();
			List<StoredKey> stored = this.file.read().orElse(List.of());
			KeyRing.load(stored, now, this.properties.retention(), this.providers);
			for (StoredKey key : stored) {
				if (key.lifecycle().statusAt(now, this.properties.retention()) == KeyStatus.PENDING) {
					throw ApiException.conflict("rotation_in_progress", "Key " + key.kid() + " becomes active at "
							+ key.lifecycle().activatesAt() + "; rotate again after that.");
				}
			}
			Instant activation = now.plus(this.properties.prePublishDelay());
			List<StoredKey> next = new ArrayList<>();
			for (StoredKey key : retainPublished(stored, now)) {
				next.add((key.lifecycle().retiredAt() == null) ? key.retire(activation) : key);
			}
			StoredKey added = KeyGenerator.generate(this.properties.algorithm(), now, activation);
			next.add(added);
			install(write(next), now);
			logger.info("Rotation: key {} ({}) published now, signs from {}; keys signing before then retire then",
					added.kid(), this.properties.algorithm(), activation);
			return added.kid();
		});
	}

	/**
	 * Reloads the key file when another instance (or this one) changed it; a cheap
	 * attribute check otherwise. A file that became unusable is reported and ignored.
	 * @return whether a new version was loaded
	 */
	synchronized boolean reloadIfChanged() {
		KeyFile.Stamp stamp = this.file.stamp();
		Snapshot current = loaded();
		if (stamp.equals(current.stamp()) || stamp.equals(KeyFile.Stamp.MISSING)) {
			return false;
		}
		Instant now = this.clock.instant();
		try {
			KeyRing ring = KeyRing.load(this.file.read().orElse(List.of()), now, this.properties.retention(),
					this.providers);
			if (ring.viewAt(now).active().isEmpty()) {
				throw new UnusableKeyException(KeyFile.FILE_NAME + " has no active key");
			}
			this.snapshot.set(new Snapshot(ring, stamp, ring.viewAt(now)));
			logger.info("Reloaded {}: signing with key {}", this.file.path(), active().kid());
			return true;
		}
		catch (RuntimeException ex) {
			// Remember the stamp so a broken file is reported once, not every interval.
			this.snapshot.set(new Snapshot(current.ring(), stamp, current.view()));
			logger.error("Ignoring the changed key file, keeping the keys loaded before: {}", ex.getMessage());
			return false;
		}
	}

	/** Every key in the file with its status now, for the admin listing. */
	List<KeyDescription> describe() {
		Instant now = this.clock.instant();
		return loaded().ring()
			.keys()
			.stream()
			.map((key) -> KeyDescription.of(key, now, this.properties.retention()))
			.toList();
	}

	/** A published key by kid, for verification. */
	Optional<RingKey> publishedKey(String kid) {
		return view().published(kid);
	}

	/** The JWKS as served: JSON and ETag, rendered once per change. */
	/**
	 * The published public keys as JWKS JSON, exactly as {@code /.well-known/jwks.json}
	 * serves them (for another wire's JWKS endpoint, such as Clerk's {@code /v1/jwks}).
	 */
	public String publishedJwksJson() {
		return publishedJwks().json();
	}

	KeyRing.PublishedJwks publishedJwks() {
		return view().jwks();
	}

	private KeyRing.View view() {
		Snapshot current = loaded();
		Instant now = this.clock.instant();
		if (now.isBefore(current.view().validUntil())) {
			return current.view();
		}
		KeyRing.View view = current.ring().viewAt(now);
		// Lost races are harmless: whoever won installed a view at least as new.
		this.snapshot.compareAndSet(current, new Snapshot(current.ring(), current.stamp(), view));
		return view;
	}

	private Snapshot loaded() {
		Snapshot current = this.snapshot.get();
		if (current == null) {
			throw new IllegalStateException("Signing keys are not loaded yet");
		}
		return current;
	}

	private Void loadOrGenerate() {
		Instant now = this.clock.instant();
		List<StoredKey> stored = this.file.read().orElse(List.of());
		KeyRing ring = KeyRing.load(stored, now, this.properties.retention(), this.providers);
		if (ring.viewAt(now).active().isEmpty()) {
			List<StoredKey> next = new ArrayList<>(retainPublished(stored, now));
			StoredKey generated = KeyGenerator.generate(this.properties.algorithm(), now, now);
			next.add(generated);
			logger.info("No active signing key in {}: generated a new {} key {}", this.file.path(),
					this.properties.algorithm(), generated.kid());
			stored = write(next);
		}
		install(stored, now);
		return null;
	}

	private List<StoredKey> retainPublished(List<StoredKey> stored, Instant now) {
		return stored.stream()
			.filter((key) -> key.lifecycle().statusAt(now, this.properties.retention()) != KeyStatus.REMOVED)
			.toList();
	}

	private List<StoredKey> write(List<StoredKey> keys) {
		this.file.write(keys);
		return keys;
	}

	private void install(List<StoredKey> stored, Instant now) {
		KeyFile.Stamp stamp = this.file.stamp();
		KeyRing ring = KeyRing.load(stored, now, this.properties.retention(), this.providers);
		this.snapshot.set(new Snapshot(ring, stamp, ring.viewAt(now)));
	}

	/** One loaded version of the file and the view last computed from it. */
	private record Snapshot(KeyRing ring, KeyFile.Stamp stamp, KeyRing.View view) {
	}

}
