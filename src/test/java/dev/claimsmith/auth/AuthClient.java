package dev.claimsmith.auth;

import java.util.HashMap;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.Fixtures;

import static dev.claimsmith.ApiClient.unique;

/**
 * Drives {@code /user_management/authenticate} as an application backend would, and sets
 * up the users, organizations and memberships the tests sign in with.
 */
final class AuthClient {

	static final String CLIENT_ID = "client_claimsmith";

	static final String PASSWORD = Fixtures.PASSWORD;

	private final ApiClient api;

	private final Fixtures fixtures;

	AuthClient(ApiClient api) {
		this.api = api;
		this.fixtures = new Fixtures(api);
	}

	ApiClient api() {
		return this.api;
	}

	Response password(String email, String password, String ip, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("grant_type", "password", "client_id", CLIENT_ID,
				"client_secret", ApiClient.API_KEY, "email", email, "password", password, "ip_address", ip));
		body.putAll(extra);
		return this.api.post("/user_management/authenticate", body);
	}

	Response password(String email, String password, String ip) {
		return password(email, password, ip, Map.of());
	}

	Response refresh(String refreshToken) {
		return refresh(refreshToken, Map.of());
	}

	Response refresh(String refreshToken, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
				"client_secret", ApiClient.API_KEY, "refresh_token", refreshToken));
		body.putAll(extra);
		return this.api.post("/user_management/authenticate", body);
	}

	/** A user with {@link #PASSWORD}; returns its id. */
	String user(String email, Map<String, String> metadata) {
		return this.fixtures.user().email(email).withPassword().with("first_name", "Jane").metadata(metadata).create();
	}

	String organization(Map<String, String> metadata) {
		return this.fixtures.organization().metadata(metadata).create();
	}

	String membership(String userId, String organizationId) {
		return this.fixtures.member().user(userId).of(organizationId).create().membershipId();
	}

	static String email() {
		return "auth-" + unique() + "@example.com";
	}

	/**
	 * A client IP of its own per test, so throttling in one test never touches another.
	 */
	static String ip() {
		int n = (int) (Math.random() * 0xFFFFFF);
		return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
	}

}
