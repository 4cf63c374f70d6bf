package dev.claimsmith.token;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.keys.IssuerProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minting, preview and introspection over real HTTP, with tokens verified the way a
 * resource server would: Spring Security's decoder reading our JWKS URI.
 */
@ApiTest
class TokenApiTest {

	@Autowired
	IssuerProperties issuer;

	@Autowired
	ApiClient api;

	NimbusJwtDecoder resourceServer;

	String userId;

	String orgId;

	@BeforeEach
	void setUp() {
		this.resourceServer = NimbusJwtDecoder.withJwkSetUri(this.api.baseUrl() + "/.well-known/jwks.json").build();
		this.resourceServer.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.issuer.issuer()));
		this.userId = this.api
			.post("/user_management/users", Map.of("email", "t-" + unique() + "@example.com", "first_name", "Ada",
					"last_name", "Lovelace", "external_id", "emp-" + unique(), "metadata", Map.of("department", "R&D")))
			.field("id");
		this.orgId = this.api
			.post("/organizations", Map.of("name", "Analytical Engines", "external_id", "cust-" + unique(), "metadata",
					Map.of("seats", "25")))
			.field("id");
		this.api.post("/user_management/organization_memberships",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "role_slug", "admin"));
	}

	@Test
	void mintWithOrganizationThenResourceServerVerifiesReservedAndTemplateClaims() {
		Response minted = this.api.post("/access_tokens",
				Map.of("user_id", this.userId, "organization_id", this.orgId));

		assertThat(minted.status()).isEqualTo(200);
		assertThat(minted.field("token_type")).isEqualTo("Bearer");
		assertThat(minted.json().get("expires_in").asLong()).isEqualTo(300);
		Jwt jwt = this.resourceServer.decode(minted.field("access_token"));
		assertThat(jwt.getHeaders()).containsEntry("typ", "JWT").containsKey("kid").containsEntry("alg", "RS256");
		assertThat(jwt.getSubject()).isEqualTo(this.userId);
		assertThat(jwt.getClaimAsString("iss")).isEqualTo(this.issuer.issuer());
		assertThat(jwt.getClaimAsString("client_id")).isEqualTo(this.issuer.clientId());
		assertThat(jwt.getClaimAsString("org_id")).isEqualTo(this.orgId);
		assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("admin");
		assertThat(jwt.getClaimAsStringList("permissions")).contains("members:manage");
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getExpiresAt().getEpochSecond() - jwt.getIssuedAt().getEpochSecond()).isEqualTo(300);
		assertThat(jwt.getClaimAsString("name")).isEqualTo("Ada Lovelace");
		assertThat(jwt.getClaimAsString("organization_name")).isEqualTo("Analytical Engines");
		assertThat(jwt.getClaimAsString("department")).isEqualTo("R&D");
		assertThat(jwt.getClaimAsString("plan")).isEqualTo("free");
		assertThat(jwt.getClaims().get("seats")).isInstanceOf(Number.class);
		assertThat(((Number) jwt.getClaims().get("seats")).intValue()).isEqualTo(25);
	}

	@Test
	void mintWithoutOrganizationThenNoOrganizationClaims() {
		Jwt jwt = this.resourceServer
			.decode(this.api.post("/access_tokens", Map.of("user_id", this.userId)).field("access_token"));

		assertThat(jwt.getClaims()).doesNotContainKeys("org_id", "role", "roles", "permissions", "organization_name",
				"seats");
		assertThat(jwt.getClaimAsString("plan")).isEqualTo("free");
	}

	@Test
	void mintWhenNotAnActiveMemberOrUnknownThenClearErrors() {
		String stranger = this.api.post("/organizations", Map.of("name", "Elsewhere")).field("id");
		Response notMember = this.api.post("/access_tokens",
				Map.of("user_id", this.userId, "organization_id", stranger));
		assertThat(notMember.status()).isEqualTo(403);
		assertThat(notMember.field("code")).isEqualTo("organization_membership_required");

		assertThat(this.api.post("/access_tokens", Map.of("user_id", "user_01HXXXXXXXXXXXXXXXXXXXXXXX")).status())
			.isEqualTo(404);
		assertThat(this.api.post("/access_tokens", Map.of("user_id", this.userId, "template", "nope")).status())
			.isEqualTo(404);
		assertThat(this.api.post("/access_tokens", Map.of()).status()).isEqualTo(422);
	}

	@Test
	void mintWhenTheTemplateIsAClerkTemplateThen422PointingToClerksSessionTokens() {
		String name = "clerk-only-" + unique();
		Response created = this.api.post("/clerk/v1/jwt_templates",
				Map.of("name", name, "claims", Map.of("em", "{{user.primary_email_address}}")));
		assertThat(created.status()).as(created.text()).isEqualTo(200);

		Response refused = this.api.post("/access_tokens",
				Map.of("user_id", this.userId, "organization_id", this.orgId, "template", name));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("template");
		assertThat(error.get("code").asString()).isEqualTo("clerk_template");
		assertThat(error.get("message").asString()).contains("/clerk/v1/sessions/{session_id}/tokens/" + name);
	}

	@Test
	void mintWhenTypedCastFailsThen422InvalidTemplateNamingTheClaim() {
		this.api.put("/organizations/" + this.orgId, Map.of("metadata", Map.of("seats", "lots")));

		Response response = this.api.post("/access_tokens",
				Map.of("user_id", this.userId, "organization_id", this.orgId));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.field("code")).isEqualTo("invalid_template");
		assertThat(response.json().get("errors").get(0).get("path").asString()).isEqualTo("/seats");
	}

	@Test
	void mintWhenMetadataTriesClaimInjectionThenValueStaysInItsClaim() {
		String hostile = "\",\"sub\":\"admin\",\"org_id\":\"x";
		this.api.put("/user_management/users/" + this.userId, Map.of("metadata", Map.of("department", hostile)));

		Jwt jwt = this.resourceServer
			.decode(this.api.post("/access_tokens", Map.of("user_id", this.userId, "organization_id", this.orgId))
				.field("access_token"));
		assertThat(jwt.getSubject()).isEqualTo(this.userId);
		assertThat(jwt.getClaimAsString("org_id")).isEqualTo(this.orgId);
		assertThat(jwt.getClaimAsString("department")).isEqualTo(hostile);
	}

	@Test
	void previewAgainstStoredDataThenPayloadEqualsMintedTokenExceptTimesAndId() {
		Response preview = this.api.post("/jwt_templates/preview",
				Map.of("user_id", this.userId, "organization_id", this.orgId));
		Jwt jwt = this.resourceServer
			.decode(this.api.post("/access_tokens", Map.of("user_id", this.userId, "organization_id", this.orgId))
				.field("access_token"));

		assertThat(preview.status()).isEqualTo(200);
		JsonNode payload = preview.json().get("payload");
		Map<String, Object> minted = new HashMap<>(jwt.getClaims());
		for (String volatileClaim : List.of("iat", "exp", "jti")) {
			assertThat(payload.has(volatileClaim)).isTrue();
			minted.remove(volatileClaim);
		}
		assertThat(payload.propertyNames()).containsAll(minted.keySet());
		assertThat(payload.size()).isEqualTo(minted.size() + 3);
		assertThat(payload.get("sub").asString()).isEqualTo(jwt.getSubject());
		assertThat(payload.get("name").asString()).isEqualTo(jwt.getClaimAsString("name"));
		assertThat(payload.get("seats").asInt()).isEqualTo(((Number) jwt.getClaims().get("seats")).intValue());
		assertThat(preview.json().get("claims").get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(preview.json().get("size_bytes").asInt()).isPositive();
	}

	@Test
	void previewInlineTemplateAndContextThenRendersWithoutStoredData() {
		Response preview = this.api.post("/jwt_templates/preview",
				Map.of("template",
						"{\"tier\": {{ organization.metadata.tier | upper }}, \"n\": {{ user.metadata.n | number }}}",
						"context", Map.of("user", Map.of("id", "user_inline", "metadata", Map.of("n", "7")),
								"organization", Map.of("id", "org_inline", "metadata", Map.of("tier", "gold")))));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("claims").get("tier").asString()).isEqualTo("GOLD");
		assertThat(preview.json().get("claims").get("n").asInt()).isEqualTo(7);
		assertThat(preview.json().get("payload").get("sub").asString()).isEqualTo("user_inline");
		assertThat(preview.json().get("payload").get("org_id").asString()).isEqualTo("org_inline");
	}

	@Test
	void previewWhenTemplateSetsReservedClaimOrBadPathThen422WithPointers() {
		Response response = this.api.post("/jwt_templates/preview",
				Map.of("template", "{\"sub\": {{ user.id }}, \"x\": {{ usr.email }}}", "user_id", this.userId));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.field("code")).isEqualTo("invalid_template");
		assertThat(response.json().get("errors").findValuesAsString("path")).contains("/sub", "/x");
	}

	@Test
	void introspectValidTokenThenActiveWithItsClaims() {
		String token = this.api.post("/access_tokens", Map.of("user_id", this.userId)).field("access_token");

		JsonNode answer = introspect(token).json();
		assertThat(answer.get("active").asBoolean()).isTrue();
		assertThat(answer.get("sub").asString()).isEqualTo(this.userId);
		assertThat(answer.get("client_id").asString()).isEqualTo(this.issuer.clientId());
	}

	@Test
	void introspectForgedTokensThenInactive() throws Exception {
		String token = this.api.post("/access_tokens", Map.of("user_id", this.userId)).field("access_token");
		String[] parts = token.split("\\.");
		String tamperedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					new String(Base64.getUrlDecoder().decode(parts[1])).replace(this.userId, "user_admin").getBytes());
		String tampered = parts[0] + "." + tamperedPayload + "." + parts[2];
		String other = this.api.post("/access_tokens", Map.of("user_id", this.userId, "organization_id", this.orgId))
			.field("access_token");
		String swappedSignature = parts[0] + "." + parts[1] + "." + other.split("\\.")[2];
		String none = new PlainObject(new Payload(JWSObject.parse(token).getPayload().toJSONObject())).serialize();
		RSAKey published = (RSAKey) JWKSet.parse(this.api.get("/.well-known/jwks.json").text()).getKeys().get(0);
		JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
				JWSObject.parse(token).getPayload());
		hmac.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
		JWSObject unknownKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("unknown").build(),
				JWSObject.parse(token).getPayload());
		unknownKid.sign(new MACSigner(new byte[32]));

		for (String forged : List.of(tampered, swappedSignature, none, hmac.serialize(), unknownKid.serialize(),
				"not-a-token")) {
			JsonNode answer = introspect(forged).json();
			assertThat(answer.get("active").asBoolean()).as(forged).isFalse();
			assertThat(answer.size()).isEqualTo(1);
		}
	}

	@Test
	void introspectWithoutApiKeyThen401() {
		assertThat(this.api.withApiKey(null).post("/oauth2/introspect", Map.of("token", "x")).status()).isEqualTo(401);
	}

	private Response introspect(String token) {
		return this.api.send(HttpRequest.newBuilder(URI.create(this.api.baseUrl() + "/oauth2/introspect"))
			.header("Authorization", "Bearer " + ApiClient.API_KEY)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build());
	}

}
