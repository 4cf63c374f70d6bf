package dev.claimsmith.auth;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No metadata class leaks by itself (API.md "Metadata classes"): a distinct marker is
 * planted with SQL in every class of the user, both organizations and both memberships,
 * and with the shipped {@code templates/default.json} neither a mint, a sign-in
 * (password, organization selection, refresh) nor introspection answers with a private
 * one ({@code metadata}, {@code custom_attributes}), and no token carries any class's
 * marker, the public ones included. Only what the template copies
 * ({@code user.metadata.department}, {@code organization.metadata.plan}) reaches the
 * token, which proves the search looks in the right place.
 */
@ApiTest
class PrivateClassesApiTest {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcTemplate jdbc;

	AuthClient auth;

	String run;

	String email;

	String userId;

	String first;

	String second;

	/** Marker → where it is planted; private classes only. */
	Map<String, String> privateMarkers = new LinkedHashMap<>();

	/**
	 * Marker → where it is planted; the classes a user may read (still not in tokens).
	 */
	Map<String, String> publicMarkers = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(this.api);
		this.run = unique();
		this.email = AuthClient.email();
		this.userId = this.auth.user(this.email, Map.of());
		this.first = this.auth.organization(Map.of());
		this.second = this.auth.organization(Map.of());
		String firstMembership = this.auth.membership(this.userId, this.first);
		String secondMembership = this.auth.membership(this.userId, this.second);

		plant("app_user", this.userId, "metadata", "department", "copied-department-" + this.run);
		plant("app_user", this.userId, "public_metadata", null, null);
		plant("app_user", this.userId, "unsafe_metadata", null, null);
		for (String organization : List.of(this.first, this.second)) {
			plant("organization", organization, "metadata", "plan", "copied-plan-" + this.run);
			plant("organization", organization, "public_metadata", null, null);
		}
		for (String membership : List.of(firstMembership, secondMembership)) {
			plant("organization_membership", membership, "metadata", null, null);
			plant("organization_membership", membership, "public_metadata", null, null);
			plant("organization_membership", membership, "custom_attributes", null, null);
		}
	}

	@Test
	void mintWithDefaultTemplateThenNoMarkerInAnswerOrToken() {
		Response minted = this.auth.api()
			.post("/access_tokens", Map.of("user_id", this.userId, "organization_id", this.first));

		assertThat(minted.status()).as(minted.text()).isEqualTo(200);
		assertNoPrivateMarker("POST /access_tokens", minted.text());
		assertTokenCarriesOnlyCopiedValues(minted.field("access_token"));
		Response introspected = introspect(minted.field("access_token"));
		assertThat(introspected.status()).as(introspected.text()).isEqualTo(200);
		assertNoMarker("POST /oauth2/introspect", introspected.text());
	}

	@Test
	void signInSelectionAndRefreshWithDefaultTemplateThenNoMarkerInAnswerOrToken() {
		String ip = AuthClient.ip();

		Response selection = this.auth.password(this.email, AuthClient.PASSWORD, ip);
		assertThat(selection.status()).as(selection.text()).isEqualTo(403);
		assertNoPrivateMarker("organization_selection_required", selection.text());
		Response chosen = this.auth.api()
			.post("/user_management/authenticate",
					Map.of("grant_type", OrganizationSelectionGrant.GRANT_TYPE, "client_id", AuthClient.CLIENT_ID,
							"client_secret", ApiClient.API_KEY, "pending_authentication_token",
							selection.field("pending_authentication_token"), "organization_id", this.second));
		assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
		assertNoPrivateMarker("organization-selection grant", chosen.text());
		assertTokenCarriesOnlyCopiedValues(chosen.field("access_token"));

		Response signedIn = this.auth.password(this.email, AuthClient.PASSWORD, ip,
				Map.of("organization_id", this.first));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertNoPrivateMarker("password grant", signedIn.text());
		assertTokenCarriesOnlyCopiedValues(signedIn.field("access_token"));

		Response refreshed = this.auth.refresh(signedIn.field("refresh_token"));
		assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
		assertNoPrivateMarker("refresh_token grant", refreshed.text());
		assertTokenCarriesOnlyCopiedValues(refreshed.field("access_token"));
	}

	/** Sets a class to {@code {"secret": marker}}, plus one key the template copies. */
	private void plant(String table, String id, String column, String copiedKey, String copiedValue) {
		String marker = "marker-" + table + "-" + column + "-" + unique();
		boolean isPrivate = column.equals("metadata") || column.equals("custom_attributes");
		(isPrivate ? this.privateMarkers : this.publicMarkers).put(marker, table + "." + column + " of " + id);
		String json = "{\"secret\":\"" + marker + "\""
				+ ((copiedKey != null) ? ",\"" + copiedKey + "\":\"" + copiedValue + "\"" : "") + "}";
		int rows = this.jdbc.update("UPDATE " + table + " SET " + column + " = ? WHERE id = ?", json, id);
		assertThat(rows).isEqualTo(1);
	}

	private Response introspect(String token) {
		return this.auth.api()
			.send(this.auth.api()
				.request("/oauth2/introspect")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build());
	}

	private void assertNoPrivateMarker(String where, String text) {
		this.privateMarkers
			.forEach((marker, planted) -> assertThat(text).as("%s answers with the marker of %s", where, planted)
				.doesNotContain(marker));
	}

	private void assertNoMarker(String where, String text) {
		assertNoPrivateMarker(where, text);
		this.publicMarkers
			.forEach((marker, planted) -> assertThat(text).as("%s answers with the marker of %s", where, planted)
				.doesNotContain(marker));
	}

	private void assertTokenCarriesOnlyCopiedValues(String token) {
		String decoded = decoded(token);
		assertNoMarker("the token", decoded);
		assertThat(decoded).doesNotContain("secret")
			.contains("\"department\":\"copied-department-" + this.run + "\"")
			.contains("\"plan\":\"copied-plan-" + this.run + "\"");
	}

	/** Header and payload of a JWS, as JSON text. */
	private static String decoded(String token) {
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		List<String> decoded = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			decoded.add(new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8));
		}
		return String.join("\n", decoded);
	}

}
