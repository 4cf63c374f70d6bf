package dev.claimsmith.auth0;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.HttpsApiTest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.filter.OncePerRequestFilter;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors on {@code /api/v2/…} that no Auth0 controller answers (no endpoint, a method or
 * media type none takes, a body over the limit, a fault in a filter) still reach Auth0's
 * SDK in Auth0's envelope {@code {"statusCode","error","message","errorCode"}}, while
 * {@code /oauth/token} keeps RFC 6749's and the WorkOS wire the contract's shape.
 */
@HttpsApiTest
@Import(Auth0WireErrorsApiTest.FaultyFilter.class)
class Auth0WireErrorsApiTest {

	static final String FAULT_HEADER = "X-Test-Fault";

	static final int MAX_BODY_BYTES = 1024 * 1024;

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = ApiClient.https(this.port);
	}

	@Test
	void unknownPathThen404InAuth0Envelope() {
		assertAuth0Error(this.api.get("/api/v2/roles"), 404, "not_found");
		assertAuth0Error(this.api.get("/api/v2/users/user_01HXXXXXXXXXXXXXXXXXXXXXXX/roles"), 404, "not_found");
	}

	@Test
	void methodNoEndpointTakesThen405InAuth0EnvelopeWithAllow() {
		String id = createUser("a0-put-" + unique() + "@example.com");

		Response put = this.api.send("PUT", "/api/v2/users/" + id, Map.of("given_name", "Ada"));
		assertAuth0Error(put, 405, "method_not_allowed");
		assertThat(put.header("Allow")).contains("GET", "PATCH", "DELETE");
		assertAuth0Error(this.api.send("PUT", "/api/v2/organizations", "{}"), 405, "method_not_allowed");
	}

	@Test
	void bodyOverTheLimitThen413InAuth0EnvelopeAndNothingWritten() {
		String email = "a0-large-" + unique() + "@example.com";
		byte[] body = padded(ApiClient.json(Map.of("email", email, "connection", "db")), MAX_BODY_BYTES + 1);

		assertAuth0Error(this.api.send(this.api.request("/api/v2/users")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(body))
			.build()), 413, "request_too_large");
		assertAuth0Error(this.api.send(this.api.request("/api/v2/users")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build()), 413, "request_too_large");
		assertThat(this.api.get("/api/v2/users-by-email?email=" + encode(email)).json().isEmpty()).isTrue();
	}

	@Test
	void mediaTypeNoEndpointTakesOrAnswersThen415Or406InAuth0Envelope() {
		assertAuth0Error(this.api.send(this.api.request("/api/v2/users")
			.header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("{\"email\":\"x@example.com\",\"connection\":\"db\"}"))
			.build()), 415, "unsupported_media_type");
		assertAuth0Error(this.api.send(this.api.request("/api/v2/users").header("Accept", "text/html").GET().build()),
				406, "not_acceptable");
	}

	@Test
	void malformedJsonThen400InAuth0Envelope() {
		String organization = this.api.post("/api/v2/organizations", Map.of("name", "a0-json-" + unique())).field("id");

		assertAuth0Error(this.api.send("PATCH", "/api/v2/organizations/" + organization, "{\"metadata\":"), 400,
				"invalid_body");
		assertAuth0Error(this.api.send("POST", "/api/v2/users", "{\"email\":\"x@example.com\",}"), 400, "invalid_body");
	}

	@Test
	void faultOutsideAnyControllerThen500InAuth0Envelope() {
		Response fault = this.api.send(this.api.request("/api/v2/users").header(FAULT_HEADER, "yes").GET().build());

		assertAuth0Error(fault, 500, "server_error");
		assertThat(fault.text()).doesNotContain("injected").doesNotContain("Exception");
		Response workos = this.api.send(this.api.request("/organizations").header(FAULT_HEADER, "yes").GET().build());
		assertThat(workos.status()).isEqualTo(500);
		assertThat(workos.json().propertyNames()).as("the contract's shape off the wire").contains("code", "message");
	}

	@Test
	void oauthTokenKeepsTheOAuthErrorShape() {
		Response refused = this.api.withApiKey(null)
			.send(this.api.request("/oauth/token")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("grant_type=password"))
				.build());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().propertyNames()).containsExactlyInAnyOrder("error", "error_description");
		assertThat(refused.field("error")).isEqualTo("unsupported_grant_type");
	}

	private String createUser(String email) {
		Response created = this.api.post("/api/v2/users", Map.of("email", email, "connection", "db"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.field("user_id");
	}

	/** {@code body} with an extra string field, padded to exactly {@code size} bytes. */
	private static byte[] padded(String body, int size) {
		String start = body.substring(0, body.length() - 1) + ",\"padding\":\"";
		String end = "\"}";
		return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static void assertAuth0Error(Response response, int status, String errorCode) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.propertyNames()).as(response.text())
			.containsExactly("statusCode", "error", "message", "errorCode");
		assertThat(body.get("statusCode").asInt()).isEqualTo(status);
		assertThat(body.get("error").asString()).isNotBlank();
		assertThat(body.get("errorCode").asString()).isEqualTo(errorCode);
		assertThat(body.get("message").asString()).isNotBlank();
	}

	/**
	 * A filter that fails on request, as a bug in any filter would: the servlet container
	 * answers through the error page, outside every controller.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FaultyFilter {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> faultyFilter() {
			return new FilterRegistrationBean<>(new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getHeader(FAULT_HEADER) != null) {
						throw new IllegalStateException("injected fault");
					}
					chain.doFilter(request, response);
				}

			});
		}

	}

}
