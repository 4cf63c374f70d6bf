package dev.claimsmith.keys;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discovery document (OpenID Connect Discovery 1.0, RFC 8414) that lets a resource
 * server configure itself from the issuer alone.
 */
@RestController
class DiscoveryController {

	private final SigningKeys signingKeys;

	private final IssuerProperties issuer;

	DiscoveryController(SigningKeys signingKeys, IssuerProperties issuer) {
		this.signingKeys = signingKeys;
		this.issuer = issuer;
	}

	@GetMapping("/.well-known/openid-configuration")
	ResponseEntity<OpenIdConfiguration> configuration() {
		List<String> algorithms = this.signingKeys.publicJwkSet()
			.getKeys()
			.stream()
			.map((key) -> key.getAlgorithm().getName())
			.distinct()
			.toList();
		OpenIdConfiguration body = new OpenIdConfiguration(this.issuer.issuer(),
				this.issuer.endpoint("/.well-known/jwks.json"), this.issuer.endpoint("/user_management/authenticate"),
				this.issuer.endpoint("/oauth2/introspect"), algorithms, List.of("client_secret_post"),
				List.of("public"), this.issuer.clientId());
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(body);
	}

	/**
	 * The document, written in snake_case by the service's JSON mapper.
	 *
	 * @param idTokenSigningAlgValuesSupported the algorithms of the published keys, so a
	 * verifier knows every algorithm it may meet, including during a switch of algorithm
	 */
	record OpenIdConfiguration(String issuer, String jwksUri, String tokenEndpoint, String introspectionEndpoint,
			List<String> idTokenSigningAlgValuesSupported, List<String> tokenEndpointAuthMethodsSupported,
			List<String> subjectTypesSupported, String clientId) {

	}

}
