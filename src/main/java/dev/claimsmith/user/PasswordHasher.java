package dev.claimsmith.user;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id at OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane). Also
 * verifies against a dummy hash when a user is unknown, so a wrong email costs the same
 * time as a wrong password. Thread-safe.
 */
@Component
class PasswordHasher {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final int PARALLELISM = 1;

	private static final int MEMORY_KIB = 19 * 1024;

	private static final int ITERATIONS = 2;

	private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final String dummyHash = this.encoder.encode("claimsmith-dummy-password");

	String hash(String password) {
		return this.encoder.encode(password);
	}

	/**
	 * Whether {@code password} matches; with a null hash, burns the same time and says
	 * no.
	 */
	boolean matches(String password, String hash) {
		if (hash == null) {
			this.encoder.matches(password, this.dummyHash);
			return false;
		}
		return this.encoder.matches(password, hash);
	}

}
