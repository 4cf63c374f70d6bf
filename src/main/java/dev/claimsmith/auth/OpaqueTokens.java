package dev.claimsmith.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque bearer secrets (refresh tokens, pending authentication tokens): 256 random bits,
 * base64url. Only their SHA-256 hashes are stored; being random, they need no slow hash.
 */
final class OpaqueTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OpaqueTokens() {
	}

	static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	static String hash(String token) {
		return ApiKeys.hash(token);
	}

}
