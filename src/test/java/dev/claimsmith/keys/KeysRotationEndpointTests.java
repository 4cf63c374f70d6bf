package dev.claimsmith.keys;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Its own context and key folder: rotating must not disturb the shared contract-test
 * keys.
 */
@ApiTest
class KeysRotationEndpointTests {

	@Autowired
	ApiClient api;

	@Autowired
	SigningKeys signingKeys;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-keys-rotation-");
		registry.add("claimsmith.keys.dir", dir::toString);
		registry.add("claimsmith.keys.pre-publish-delay", () -> "1h");
	}

	@Test
	void rotateThenNewKeyPendingInJwksAndSecondRotationConflicts() {
		ApiClient api = this.api;
		String etag = api.get("/.well-known/jwks.json").header("ETag");
		String active = this.signingKeys.active().kid();

		ApiClient.Response rotated = api.post("/keys/rotate", null);
		assertThat(rotated.status()).isEqualTo(201);
		assertThat(rotated.field("status")).isEqualTo("pending");
		String kid = rotated.field("kid");
		assertThat(this.signingKeys.active().kid()).isEqualTo(active);

		ApiClient.Response jwks = api.get("/.well-known/jwks.json");
		assertThat(jwks.header("ETag")).isNotEqualTo(etag);
		assertThat(jwks.json().get("keys").findValuesAsString("kid")).containsExactly(active, kid);
		assertThat(jwks.header("Cache-Control")).contains("max-age=300");

		ApiClient.Response listing = api.get("/keys");
		assertThat(listing.json().get("data").findValuesAsString("status")).containsExactly("active", "pending");

		ApiClient.Response again = api.post("/keys/rotate", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.field("code")).isEqualTo("rotation_in_progress");
	}

}
