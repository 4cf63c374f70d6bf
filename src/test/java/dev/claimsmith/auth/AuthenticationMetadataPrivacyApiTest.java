package dev.claimsmith.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.auth.AuthClient.PASSWORD;
import static dev.claimsmith.auth.AuthClient.email;
import static dev.claimsmith.auth.AuthClient.ip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication answers carry no metadata class and no external id (API.md
 * "Authentication"): a marker planted in every class of the user, the organization and
 * the membership, nested too, appears neither in the answer nor in its access token,
 * which holds only what the template chooses.
 */
@AuthApiTest
class AuthenticationMetadataPrivacyApiTest {

	@Autowired
	ApiClient api;

	AuthClient auth;

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(this.api);
	}

	@Test
	void passwordAndRefreshWhenEveryClassHoldsAMarkerThenNoAnswerOrTokenContainsOne() {
		ApiClient api = this.auth.api();
		Map<String, String> markers = new LinkedHashMap<>();
		String email = email();
		String userId = MetadataObject.USERS.create(api,
				Map.of("email", email, "password", PASSWORD, "external_id", marker(markers, "user.external_id"),
						"metadata", Map.of("secret", marker(markers, "user.metadata")), "public_metadata",
						Map.of("nested", Map.of("m", marker(markers, "user.public_metadata"))), "unsafe_metadata",
						Map.of("m", List.of(marker(markers, "user.unsafe_metadata")))))
			.field("id");
		String orgId = MetadataObject.ORGANIZATIONS.create(api,
				Map.of("external_id", marker(markers, "organization.external_id"), "metadata",
						Map.of("secret", marker(markers, "organization.metadata")), "public_metadata",
						Map.of("m", marker(markers, "organization.public_metadata"))))
			.field("id");
		Response membership = api.post("/user_management/organization_memberships",
				Map.of("user_id", userId, "organization_id", orgId, "metadata",
						Map.of("secret", marker(markers, "membership.metadata")), "public_metadata",
						Map.of("m", marker(markers, "membership.public_metadata")), "custom_attributes",
						Map.of("deep", Map.of("m", marker(markers, "membership.custom_attributes")))));
		assertThat(membership.status()).as(membership.text()).isEqualTo(201);

		Response signedIn = this.auth.password(email, PASSWORD, ip(), Map.of("organization_id", orgId));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		Response refreshed = this.auth.refresh(signedIn.field("refresh_token"));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);

		for (Response answer : List.of(signedIn, refreshed)) {
			String token = payloadOf(answer.field("access_token"));
			markers.forEach((where, marker) -> {
				assertThat(answer.text()).as("answer leaks %s", where).doesNotContain(marker);
				assertThat(token).as("token leaks %s", where).doesNotContain(marker);
			});
			assertThat(answer.json().get("user").propertyNames()).doesNotContain("metadata", "public_metadata",
					"unsafe_metadata", "custom_attributes", "external_id");
		}
		// The markers were stored: the management API shows them.
		assertThat(api.get("/user_management/organization_memberships/" + membership.field("id")).text())
			.contains(markers.get("membership.custom_attributes"), markers.get("user.unsafe_metadata"));
	}

	@Test
	void passwordWhenTheTemplateCannotCastAMetadataValueThen422NamingTheClaimButNotTheValue() {
		ApiClient api = this.auth.api();
		String email = email();
		String userId = MetadataObject.USERS.create(api, Map.of("email", email, "password", PASSWORD)).field("id");
		String marker = "MARK" + unique() + " churn risk";
		// The auth tests' default template casts organization.metadata.seats to a number.
		String orgId = MetadataObject.ORGANIZATIONS.create(api, Map.of("metadata", Map.of("seats", marker)))
			.field("id");
		api.post("/user_management/organization_memberships", Map.of("user_id", userId, "organization_id", orgId));

		Response refused = this.auth.password(email, PASSWORD, ip(), Map.of("organization_id", orgId));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.field("code")).isEqualTo("invalid_template");
		assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("/seats");
		assertThat(refused.text()).doesNotContain(marker.substring(0, 12));
		Response previewed = api.post("/jwt_templates/preview", Map.of("user_id", userId, "organization_id", orgId));
		assertThat(previewed.text()).as("the management side still sees why").contains(marker.substring(0, 12));
	}

	private static String marker(Map<String, String> markers, String where) {
		String marker = "MARK" + unique() + where.replace(".", "x");
		markers.put(where, marker);
		return marker;
	}

	private static String payloadOf(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
