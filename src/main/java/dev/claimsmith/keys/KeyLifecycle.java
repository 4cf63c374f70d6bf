package dev.claimsmith.keys;

import java.time.Duration;
import java.time.Instant;

/**
 * When a key was created, starts signing and stops signing. Status is a pure function of
 * these instants and the clock, so instances agree without coordinating transitions, and
 * a rotation is a single write.
 *
 * @param createdAt when the key was generated (and published)
 * @param activatesAt when it starts signing
 * @param retiredAt when it stops signing, or {@code null} while no successor is scheduled
 */
record KeyLifecycle(Instant createdAt, Instant activatesAt, Instant retiredAt) {

	/**
	 * For keys placed in the folder by hand, without a recorded lifecycle: active since
	 * ever.
	 */
	static final KeyLifecycle UNRECORDED = new KeyLifecycle(Instant.EPOCH, Instant.EPOCH, null);

	KeyStatus statusAt(Instant now, Duration retention) {
		if (now.isBefore(this.activatesAt)) {
			return KeyStatus.PENDING;
		}
		if (this.retiredAt == null || now.isBefore(this.retiredAt)) {
			return KeyStatus.ACTIVE;
		}
		return now.isBefore(removedAt(retention)) ? KeyStatus.RETIRED : KeyStatus.REMOVED;
	}

	/** When the key leaves the JWKS, or {@code null} while it is not retired. */
	Instant removedAt(Duration retention) {
		return (this.retiredAt != null) ? this.retiredAt.plus(retention) : null;
	}

	KeyLifecycle retire(Instant at) {
		return new KeyLifecycle(this.createdAt, this.activatesAt, at);
	}

}
