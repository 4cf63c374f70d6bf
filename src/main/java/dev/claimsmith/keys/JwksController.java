package dev.claimsmith.keys;

import dev.claimsmith.web.ApiException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys for resource servers (no authentication). Served from bytes rendered
 * once per key change, with a strong ETag so pollers get a 304.
 */
@RestController
class JwksController {

	private final SigningKeys signingKeys;

	private final IssuerProperties issuer;

	private final CacheControl cacheControl;

	JwksController(SigningKeys signingKeys, IssuerProperties issuer, KeysProperties properties) {
		this.signingKeys = signingKeys;
		this.issuer = issuer;
		this.cacheControl = CacheControl.maxAge(properties.jwksCacheMaxAge()).cachePublic();
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<String> jwks(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		KeyRing.PublishedJwks jwks = this.signingKeys.publishedJwks();
		if (matches(ifNoneMatch, jwks.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(jwks.etag())
				.cacheControl(this.cacheControl)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(jwks.etag())
			.cacheControl(this.cacheControl)
			.body(jwks.json());
	}

	/** The same set under the client's id, as WorkOS serves it. */
	@GetMapping("/sso/jwks/{clientId}")
	ResponseEntity<String> clientJwks(@PathVariable String clientId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		if (!this.issuer.clientId().equals(clientId)) {
			throw ApiException.notFound("client", clientId);
		}
		return jwks(ifNoneMatch);
	}

	/**
	 * If-None-Match uses the weak comparison (RFC 9110 section 13.1.2): W/ is ignored.
	 */
	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

}
