package dev.claimsmith.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Claims the token minter sets itself, so a template may not: WorkOS's registered claims
 * plus Claimsmith's session and membership claims, and {@code claims_fp}, the fingerprint
 * introspection's {@code claims_stale} compares (token/ClaimsFingerprints). {@code aud}
 * is deliberately absent: templates may set it.
 */
public final class ReservedClaims {

	/** In the order the error message lists them. */
	public static final Set<String> NAMES = orderedSet("iss", "sub", "exp", "iat", "nbf", "jti", "client_id", "sid",
			"org_id", "role", "roles", "permissions", "claims_fp");

	private ReservedClaims() {
	}

	static boolean isReserved(String claim) {
		return NAMES.contains(claim);
	}

	private static Set<String> orderedSet(String... names) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
	}

}
