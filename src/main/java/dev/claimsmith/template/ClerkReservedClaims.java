package dev.claimsmith.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Clerk's default claims, which Clerk sets in every token and no template may override:
 * those of a custom JWT ({@code azp exp iat iss jti nbf sub}) and those of a session
 * token, version 2 ({@code sid v fva pla fea sts o act}), so a template never collides
 * with what a verifier of Clerk tokens expects there; and {@code claims_fp}, the
 * fingerprint introspection's {@code claims_stale} compares (token/ClaimsFingerprints).
 */
final class ClerkReservedClaims {

	/** Clerk's own, in the order the error message lists them. */
	static final Set<String> CLERK_DEFAULTS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("azp", "exp",
			"iat", "iss", "jti", "nbf", "sub", "sid", "v", "fva", "pla", "fea", "sts", "o", "act")));

	/** Claimsmith's claims fingerprint. */
	static final String FINGERPRINT = "claims_fp";

	/** All of them. */
	static final Set<String> NAMES = Collections
		.unmodifiableSet(new LinkedHashSet<>(Stream.concat(CLERK_DEFAULTS.stream(), Stream.of(FINGERPRINT)).toList()));

	private ClerkReservedClaims() {
	}

}
