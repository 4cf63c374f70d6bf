package dev.claimsmith.keys;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class KeysEndpointTests {

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	IssuerProperties issuer;

	@Autowired
	ApiClient api;

	/** JWKS and discovery are public: asked without any key. */
	ApiClient anonymous;

	@BeforeEach
	void client() {
		this.anonymous = this.api.withApiKey(null);
	}

	@Test
	void jwksThenPublicKeysWithCacheControlAndStrongEtag() {
		ApiClient.Response response = this.anonymous.get("/.well-known/jwks.json");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.header("Cache-Control")).contains("public").containsPattern("max-age=\\d+");
		assertThat(response.header("ETag")).matches("\"[A-Za-z0-9_-]+\"");
		JsonNode keys = response.json().get("keys");
		assertThat(keys).isNotEmpty();
		for (JsonNode key : keys) {
			assertThat(key.propertyNames()).doesNotContainAnyElementsOf(List.of("d", "p", "q", "dp", "dq", "qi", "k"))
				.contains("kid", "kty", "alg", "use", "x5c", "x5t#S256");
		}
		assertThat(keys.findValuesAsString("kid")).contains(this.signingKeys.active().kid());
	}

	@Test
	void jwksWhenIfNoneMatchesEtagThen304() {
		String etag = this.anonymous.get("/.well-known/jwks.json").header("ETag");
		ApiClient.Response response = this.anonymous.send(request("/.well-known/jwks.json", etag));
		assertThat(response.status()).isEqualTo(304);
		assertThat(response.header("ETag")).isEqualTo(etag);
		assertThat(response.text()).isEmpty();
		assertThat(this.anonymous.send(request("/.well-known/jwks.json", "\"stale\"")).status()).isEqualTo(200);
		assertThat(this.anonymous.send(request("/sso/jwks/" + this.issuer.clientId(), etag)).status()).isEqualTo(304);
	}

	@Test
	void clientJwksWhenConfiguredClientThenSameSet() {
		ApiClient.Response response = this.anonymous.get("/sso/jwks/" + this.issuer.clientId());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo(this.anonymous.get("/.well-known/jwks.json").text());
		assertThat(response.header("ETag")).isNotBlank();
	}

	@Test
	void clientJwksWhenUnknownClientThen404InContractShape() {
		ApiClient.Response response = this.anonymous.get("/sso/jwks/client_unknown");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.field("code")).isEqualTo("entity_not_found");
		assertThat(response.field("message")).contains("client_unknown");
	}

	@Test
	void discoveryThenIssuerEndpointsAlgorithmsAndClientId() {
		ApiClient.Response response = this.anonymous.get("/.well-known/openid-configuration");
		assertThat(response.status()).isEqualTo(200);
		String issuer = this.issuer.issuer();
		assertThat(response.field("issuer")).isEqualTo(issuer);
		assertThat(response.field("jwks_uri")).isEqualTo(issuer + "/.well-known/jwks.json");
		assertThat(response.field("token_endpoint")).isEqualTo(issuer + "/user_management/authenticate");
		assertThat(response.field("introspection_endpoint")).isEqualTo(issuer + "/oauth2/introspect");
		assertThat(response.field("client_id")).isEqualTo(this.issuer.clientId());
		assertThat(response.json().get("id_token_signing_alg_values_supported").get(0).asString())
			.isEqualTo(this.signingKeys.active().algorithm().getName());
	}

	@Test
	void keysListingThenStatusesWithoutKeyMaterial() {
		ApiClient.Response response = this.api.get("/keys");
		assertThat(response.status()).isEqualTo(200);
		JsonNode active = response.json().get("data").get(0);
		assertThat(active.propertyNames()).containsExactlyInAnyOrder("object", "kid", "alg", "status", "created_at",
				"activates_at", "retired_at", "removed_at");
		assertThat(response.text()).doesNotContain("\"d\"").doesNotContain("\"n\"");
		assertThat(response.json().get("data").findValuesAsString("status")).contains("active");
	}

	@Test
	void tokenFromActiveKeyThenSpringSecurityResourceServerVerifiesItFromJwksUri() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer.issuer())
			.subject("user_" + UUID.randomUUID())
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
			.build();
		String token = TestKeys.sign(this.signingKeys, claims);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.anonymous.baseUrl() + "/.well-known/jwks.json")
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.issuer.issuer()));
		Jwt jwt = decoder.decode(token);
		assertThat(jwt.getSubject()).isEqualTo(claims.getSubject());
	}

	@Test
	void publicJwkSetThenEqualsServedJwks() throws Exception {
		JWKSet served = JWKSet.parse(this.anonymous.get("/.well-known/jwks.json").text());
		assertThat(served.toJSONObject()).isEqualTo(this.signingKeys.publicJwkSet().toJSONObject());
	}

	private HttpRequest request(String path, String ifNoneMatch) {
		return HttpRequest.newBuilder(URI.create(this.anonymous.baseUrl() + path))
			.header("If-None-Match", ifNoneMatch)
			.build();
	}

}
