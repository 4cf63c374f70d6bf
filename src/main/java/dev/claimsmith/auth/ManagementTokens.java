package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.claimsmith.keys.IssuerProperties;
import dev.claimsmith.keys.KeysProperties;
import dev.claimsmith.keys.SigningKeys;
import dev.claimsmith.keys.TokenVerifier;
import dev.claimsmith.store.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Access tokens of the client-credentials grant: JWTs signed with the active key that the
 * management API accepts in place of the API key they were issued for, with that key's
 * current scopes, until they expire or the key is revoked. A management token is told
 * apart from a user's access token by its {@code sub}, {@code {client_id}@clients} (as
 * Auth0 names machine clients): a user token's {@code sub} is a user id, and no template
 * can set {@code sub}. Thread-safe.
 */
@Component
class ManagementTokens {

	static final String API_KEY_CLAIM = "claimsmith_api_key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SigningKeys signingKeys;

	private final TokenVerifier verifier;

	private final ApiKeys apiKeys;

	private final IssuerProperties issuer;

	private final ManagementTokenProperties properties;

	private final Clock clock;

	ManagementTokens(SigningKeys signingKeys, TokenVerifier verifier, ApiKeys apiKeys, IssuerProperties issuer,
			ManagementTokenProperties properties, KeysProperties keys, Clock clock) {
		checkLifetime(properties, keys);
		this.signingKeys = signingKeys;
		this.verifier = verifier;
		this.apiKeys = apiKeys;
		this.issuer = issuer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Refuses to start when a management token could outlive its key's publication: it is
	 * verified against the published keys, so after a rotation it would stop working
	 * before it expires (Auth0's SDKs cache it until then).
	 */
	static void checkLifetime(ManagementTokenProperties properties, KeysProperties keys) {
		if (properties.tokenLifetime().compareTo(keys.maxTokenLifetime()) > 0) {
			throw new IllegalStateException("claimsmith.auth0.token-lifetime (" + properties.tokenLifetime()
					+ ") must be at most claimsmith.keys.max-token-lifetime (" + keys.maxTokenLifetime() + ")");
		}
	}

	/** A token standing for {@code key}, for {@code audience}. */
	Issued issue(ApiKey key, String audience) {
		Instant now = this.clock.instant();
		long lifetime = this.properties.tokenLifetime().toSeconds();
		String scope = ApiKeyScope.format(key.scopes());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.issuer.issuer());
		claims.put("sub", subject());
		claims.put("aud", audience);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.getEpochSecond() + lifetime);
		claims.put("jti", Ids.next("jti"));
		claims.put("azp", this.issuer.clientId());
		claims.put("gty", "client-credentials");
		claims.put("scope", scope);
		claims.put(API_KEY_CLAIM, key.id());
		String token = this.signingKeys.active().sign(JSON.writeValueAsBytes(claims));
		return new Issued(token, lifetime, scope);
	}

	/**
	 * The active API key a valid management token stands for; empty for anything else (a
	 * user's token, an expired one, one whose key was revoked).
	 */
	Optional<ApiKey> authenticate(String token) {
		return this.verifier.verify(token).filter(this::isManagementToken).flatMap(this::keyOf);
	}

	private boolean isManagementToken(JWTClaimsSet claims) {
		List<String> audience = claims.getAudience();
		return subject().equals(claims.getSubject()) && audience != null && !audience.isEmpty();
	}

	private Optional<ApiKey> keyOf(JWTClaimsSet claims) {
		return (claims.getClaim(API_KEY_CLAIM) instanceof String keyId) ? this.apiKeys.findActive(keyId)
				: Optional.empty();
	}

	private String subject() {
		return this.issuer.clientId() + "@clients";
	}

	/** A token and what the grant's response says of it. */
	record Issued(String accessToken, long expiresIn, String scope) {
	}

}
