package dev.claimsmith.auth;

import java.util.List;

import dev.claimsmith.store.Timestamps;

/** The contract's API key object; never carries the secret. */
record ApiKeyResponse(String object, String id, String name, String prefix, List<String> scopes, String createdAt,
		String lastUsedAt) {

	static ApiKeyResponse of(ApiKey key) {
		return new ApiKeyResponse("api_key", key.id(), key.name(), key.prefix(),
				key.scopes().stream().sorted().map(ApiKeyScope::wireName).toList(), Timestamps.format(key.createdAt()),
				(key.lastUsedAt() != null) ? Timestamps.format(key.lastUsedAt()) : null);
	}

	/** The answer to a create: the object and, this once, the secret {@code key}. */
	record Created(String object, String id, String name, String prefix, List<String> scopes, String createdAt,
			String lastUsedAt, String key) {

		static Created of(ApiKeys.NewApiKey created) {
			ApiKeyResponse shown = ApiKeyResponse.of(created.key());
			return new Created(shown.object(), shown.id(), shown.name(), shown.prefix(), shown.scopes(),
					shown.createdAt(), shown.lastUsedAt(), created.secret());
		}

	}

}
