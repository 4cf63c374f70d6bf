package dev.claimsmith.keys;

import dev.claimsmith.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Management of the signing keys: list and rotate. Behind the API key, which the
 * {@code auth} filter enforces.
 */
@RestController
class KeysAdminController {

	private final SigningKeys signingKeys;

	KeysAdminController(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@GetMapping("/keys")
	ListResponse<KeyDescription> list() {
		return new ListResponse<>(this.signingKeys.describe(), new ListResponse.ListMetadata(null, null));
	}

	@PostMapping("/keys/rotate")
	ResponseEntity<KeyDescription> rotate() {
		String kid = this.signingKeys.rotate();
		KeyDescription added = this.signingKeys.describe()
			.stream()
			.filter((key) -> key.kid().equals(kid))
			.findFirst()
			.orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED).body(added);
	}

}
