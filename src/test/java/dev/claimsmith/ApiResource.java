package dev.claimsmith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A resource of the management API that has metadata and an external id, described just
 * enough for the shared contract tests (input limits, metadata, external ids,
 * concurrency) to run against it: create with {@code POST path}, read and update at
 * {@code path/{id}}, look up at {@code path/external_id/{external_id}}.
 *
 * @param name shown in test names
 * @param path the collection path
 * @param minimalBody the smallest valid create body for a unique seed
 */
public record ApiResource(String name, String path, Function<String, Map<String, Object>> minimalBody) {

	public static final ApiResource ORGANIZATIONS = new ApiResource("organizations", "/organizations",
			(seed) -> Map.of("name", "Org " + seed));

	public static final ApiResource USERS = new ApiResource("users", "/user_management/users",
			(seed) -> Map.of("email", "user-" + seed + "@example.com"));

	/** Every resource the shared contracts cover. */
	public static Stream<ApiResource> all() {
		return Stream.of(ORGANIZATIONS, USERS);
	}

	/** A valid create body: the minimal one plus {@code fields}, in a mutable map. */
	public Map<String, Object> createBody(Map<String, ?> fields) {
		Map<String, Object> body = new LinkedHashMap<>(this.minimalBody.apply(ApiClient.unique()));
		body.putAll(fields);
		return body;
	}

	public String pathOf(String id) {
		return this.path + "/" + id;
	}

	/**
	 * The lookup path, with the external id percent-encoded as one path segment (dots
	 * too, so that an id of {@code ..} is not a dot segment).
	 */
	public String pathOfExternalId(String externalId) {
		return this.path + "/external_id/"
				+ URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E");
	}

	@Override
	public String toString() {
		return this.name;
	}

}
