package dev.claimsmith.clerk;

import dev.claimsmith.keys.SigningKeys;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerk's {@code GET /v1/jwks}, where the SDK's {@code verifyToken(jwt, {secretKey,
 * apiUrl})} fetches keys: the very set {@code /.well-known/jwks.json} publishes.
 */
@RestController
class ClerkJwksController {

	private final SigningKeys signingKeys;

	ClerkJwksController(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@GetMapping(path = "/clerk/v1/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.signingKeys.publishedJwksJson());
	}

}
