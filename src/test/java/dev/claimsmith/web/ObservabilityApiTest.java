package dev.claimsmith.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids, health probes and Prometheus metrics over real HTTP.
 */
@ApiTest
class ObservabilityApiTest {

	private static final Pattern MINTED = Pattern
		.compile("(?m)^claimsmith_tokens_minted_total\\{alg=\"RS256\",template=\"default\"} ([0-9.eE+]+)$");

	@Autowired
	ApiClient api;

	@Test
	void requestWithoutRequestIdThenOneIsGeneratedAndEchoed() {
		Response response = this.api.get("/jwt_templates");

		assertThat(response.header("X-Request-ID")).matches("[0-9a-f-]{36}");
	}

	@Test
	void requestWithRequestIdThenItIsEchoedEvenWhenRefused() {
		Response response = this.api.withApiKey(null)
			.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/organizations"))
				.header("X-Request-ID", "gw-42.abc")
				.build());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("X-Request-ID")).isEqualTo("gw-42.abc");
	}

	@Test
	void requestIdThatCouldForgeLogLinesThenReplaced() {
		assertThat(RequestLogFilter.requestId("abc\nINFO fake")).matches("[0-9a-f-]{36}");
		assertThat(RequestLogFilter.requestId("x".repeat(129))).matches("[0-9a-f-]{36}");
		assertThat(RequestLogFilter.requestId("req_01J")).isEqualTo("req_01J");
	}

	@Test
	void healthLivenessAndReadinessAreUpAndPublic() {
		ApiClient anonymous = this.api.withApiKey(null);

		Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().at("/status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/keyStore/status").asString()).isEqualTo("UP");

		Response readiness = anonymous.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().at("/status").asString()).isEqualTo("UP");
		assertThat(readiness.json().at("/components").propertyNames()).contains("db", "keyStore", "readinessState");

		Response liveness = anonymous.get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().at("/status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusNeedsTheApiKey() {
		assertThat(this.api.withApiKey(null).get("/actuator/prometheus").status()).isEqualTo(401);
	}

	@Test
	void mintThenMintCounterIncreasesAndTimersAndAuthFailureMeterAreScraped() {
		double before = minted();
		String userId = this.api.post("/user_management/users", Map.of("email", "obs-" + unique() + "@example.com"))
			.field("id");

		assertThat(this.api.post("/access_tokens", Map.of("user_id", userId)).status()).isEqualTo(200);

		assertThat(minted()).isEqualTo(before + 1);
		String scrape = this.api.get("/actuator/prometheus").text();
		assertThat(scrape).contains("claimsmith_template_render_seconds_count{template=\"default\"}")
			.contains("claimsmith_token_sign_seconds_count{alg=\"RS256\"}")
			.contains("claimsmith_auth_failures_total{reason=\"api_key\"}");
	}

	@Test
	void requestsThenHttpServerTimerCountsThemByMatchedPatternStatusAndOutcome() {
		double missing = httpRequests("GET", "/organizations/{id}", "404", "CLIENT_ERROR");
		double refused = httpRequests("GET", "UNKNOWN", "401", "CLIENT_ERROR");
		double unknownMethod = httpRequests("UNKNOWN", "UNKNOWN", "401", "CLIENT_ERROR");

		assertThat(this.api.get("/organizations/org_" + unique()).status()).isEqualTo(404);
		assertThat(this.api.get("/organizations/org_" + unique()).status()).isEqualTo(404);
		assertThat(this.api.withApiKey(null).get("/organizations").status()).isEqualTo(401);
		assertThat(this.api.withApiKey(null).send("BREW", "/organizations", null).status()).isEqualTo(401);

		assertThat(httpRequests("GET", "/organizations/{id}", "404", "CLIENT_ERROR")).isEqualTo(missing + 2);
		assertThat(httpRequests("GET", "UNKNOWN", "401", "CLIENT_ERROR")).isEqualTo(refused + 1);
		// A made-up method is counted, but under one name: clients cannot grow the
		// registry.
		assertThat(httpRequests("UNKNOWN", "UNKNOWN", "401", "CLIENT_ERROR")).isEqualTo(unknownMethod + 1);
		assertThat(this.api.get("/actuator/prometheus").text()).doesNotContain("method=\"BREW");
	}

	@Test
	void refusedApiKeyAndWrongPasswordThenAuthFailureCountersIncrease() {
		double apiKeyBefore = authFailures("api_key");
		double credentialsBefore = authFailures("invalid_credentials");

		assertThat(this.api.withApiKey("sk_wrong").get("/organizations").status()).isEqualTo(401);
		assertThat(this.api.withApiKey(null)
			.post("/user_management/authenticate",
					Map.of("grant_type", "password", "client_id", "client_claimsmith", "client_secret",
							ApiClient.API_KEY, "email", "nobody-" + unique() + "@example.com", "password",
							"wrong-password"))
			.status()).isEqualTo(400);

		assertThat(authFailures("api_key")).isEqualTo(apiKeyBefore + 1);
		assertThat(authFailures("invalid_credentials")).isEqualTo(credentialsBefore + 1);
	}

	private double httpRequests(String method, String uri, String status, String outcome) {
		String series = "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"" + method
				+ "\",outcome=\"" + outcome + "\",status=\"" + status + "\",uri=\"" + uri + "\"} ";
		String scrape = this.api.get("/actuator/prometheus").text();
		return scrape.lines()
			.filter((line) -> line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length())))
			.findFirst()
			.orElse(0);
	}

	private double authFailures(String reason) {
		Matcher matcher = Pattern.compile("claimsmith_auth_failures_total\\{reason=\"" + reason + "\"\\} (\\S+)")
			.matcher(this.api.get("/actuator/prometheus").text());
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private double minted() {
		Response scrape = this.api.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.header("Content-Type")).startsWith("text/plain");
		Matcher matcher = MINTED.matcher(scrape.text());
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
