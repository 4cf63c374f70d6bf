package dev.claimsmith.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every management endpoint needs {@code Authorization: Bearer <api key>}; without it the
 * answer is a 401 {@code unauthorized} with a {@code WWW-Authenticate} challenge, before
 * the request is even parsed, and nothing is written.
 */
@ApiTest
class ApiKeyApiTest {

	@Autowired
	ApiClient api;

	@Test
	void requestWithoutAuthorizationThen401WithChallenge() {
		Response response = this.api.withApiKey(null).get("/organizations");

		assertThatError(response).is(401, "unauthorized");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void requestWithAWrongKeyThen401() {
		assertUnauthorized(this.api.withApiKey("sk_test_wrong").get("/organizations"));
		assertUnauthorized(this.api.withApiKey(ApiClient.API_KEY + "x").get("/organizations"));
		assertUnauthorized(this.api.withApiKey(ApiClient.API_KEY.substring(1)).get("/organizations"));
		assertUnauthorized(this.api.withApiKey("x".repeat(4_000)).get("/organizations"));
	}

	@Test
	void requestWithAnotherSchemeOrNoKeyThen401() {
		ApiClient anonymous = this.api.withApiKey(null);
		for (String authorization : new String[] { "Basic " + ApiClient.API_KEY, ApiClient.API_KEY, "Bearer", "Bearer ",
				"Bearer" + ApiClient.API_KEY, "Token " + ApiClient.API_KEY }) {
			Response response = anonymous
				.send(anonymous.request("/organizations").header("Authorization", authorization).GET().build());
			assertUnauthorized(response);
		}
	}

	@Test
	void writeWithoutAValidKeyThen401AndNothingWritten() {
		String externalId = "unauthorized-" + unique();
		Map<String, Object> body = Map.of("name", "Intruder", "external_id", externalId);

		assertUnauthorized(this.api.withApiKey(null).post("/organizations", body));
		assertUnauthorized(this.api.withApiKey("sk_test_wrong").post("/organizations", body));
		assertThat(this.api.get("/organizations/external_id/" + externalId).status()).isEqualTo(404);
	}

	@Test
	void unauthenticatedRequestIsRefusedBeforeItsBodyOrPathIsLookedAt() {
		ApiClient anonymous = this.api.withApiKey(null);

		assertUnauthorized(anonymous.post("/organizations", "{not json"));
		assertUnauthorized(anonymous.get("/no-such-endpoint"));
		assertUnauthorized(anonymous.send(anonymous.request("/organizations")
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("x"))
			.build()));
	}

	@Test
	void schemeIsCaseInsensitive() {
		ApiClient anonymous = this.api.withApiKey(null);
		Response response = anonymous.send(anonymous.request("/organizations")
			.header("Authorization", "bearer " + ApiClient.API_KEY)
			.GET()
			.build());

		assertThat(response.status()).isEqualTo(200);
	}

	private static void assertUnauthorized(Response response) {
		assertThatError(response).is(401, "unauthorized");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

}
