package dev.claimsmith.token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import dev.claimsmith.keys.IssuerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Verifying Claimsmith tokens" from the README, as a running resource server: it knows
 * only our JWKS URI and issuer, verifies each bearer token with Spring Security's
 * {@link NimbusJwtDecoder}, and authorizes {@code GET /reports} on a claim the template
 * derived from organization metadata. It never calls Claimsmith per request.
 */
@ApiTest
class ResourceServerExampleApiTest {

	@Autowired
	IssuerProperties issuer;

	@Autowired
	ApiClient api;

	HttpServer resourceServer;

	@BeforeEach
	void startResourceServer() throws IOException {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.api.baseUrl() + "/.well-known/jwks.json")
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.issuer.issuer()));
		this.resourceServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.resourceServer.createContext("/reports", (exchange) -> reports(exchange, decoder));
		this.resourceServer.start();
	}

	@AfterEach
	void stopResourceServer() {
		this.resourceServer.stop(0);
	}

	/**
	 * 401 without a valid token; 403 unless the template's {@code plan} claim is
	 * "enterprise".
	 */
	private static void reports(HttpExchange exchange, NimbusJwtDecoder decoder) throws IOException {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		int status;
		try {
			Jwt jwt = decoder.decode((header != null) ? header.replaceFirst("^Bearer ", "") : "");
			status = "enterprise".equals(jwt.getClaimAsString("plan")) ? 200 : 403;
		}
		catch (JwtException ex) {
			status = 401;
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Test
	void reportsWhenPlanClaimIsEnterpriseThenAllowedOtherwiseForbidden() throws Exception {
		String enterprise = tokenForMemberOf(Map.of("plan", "enterprise"));
		String free = tokenForMemberOf(Map.of());

		assertThat(callReports(enterprise)).isEqualTo(200);
		assertThat(callReports(free)).isEqualTo(403);
		assertThat(callReports(enterprise.substring(0, enterprise.length() - 4) + "AAAA")).isEqualTo(401);
		assertThat(callReports(null)).isEqualTo(401);
	}

	private String tokenForMemberOf(Map<String, String> organizationMetadata) {
		String userId = this.api.post("/user_management/users", Map.of("email", "rs-" + unique() + "@example.com"))
			.field("id");
		String orgId = this.api.post("/organizations", Map.of("name", "RS", "metadata", organizationMetadata))
			.field("id");
		this.api.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId));
		return this.api.post("/access_tokens", Map.of("user_id", userId, "organization_id", orgId))
			.field("access_token");
	}

	private int callReports(String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.resourceServer.getAddress().getPort() + "/reports"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
