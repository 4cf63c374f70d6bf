package dev.claimsmith.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key, without its secret.
 *
 * @param prefix the first characters of the secret, to tell keys apart; null for keys
 * stored before prefixes were kept
 * @param lastUsedAt when it was last accepted, to within
 * {@code claimsmith.api-keys.last-used-resolution}; null if never
 */
record ApiKey(String id, String name, String prefix, Set<ApiKeyScope> scopes, Instant createdAt, Instant lastUsedAt) {

	boolean grants(ApiKeyScope scope) {
		return scope.isGrantedBy(this.scopes);
	}

	ApiKey usedAt(Instant when) {
		return new ApiKey(this.id, this.name, this.prefix, this.scopes, this.createdAt, when);
	}

}
