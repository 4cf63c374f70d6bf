package dev.claimsmith;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.claimsmith.ApiClient.Response;
import org.junit.jupiter.params.provider.Arguments;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An object of the management API that carries metadata classes (API.md "Metadata
 * classes"), described just enough for the shared metadata-class, merge-patch and ETag
 * contract tests: create it, read and write it at {@code path/{id}}, merge-patch it at
 * {@code path/{id}/metadata}.
 *
 * @param name shown in test names
 * @param path the collection path
 * @param classes the metadata classes the object has, {@code metadata} first
 * @param table the table that stores it
 * @param creator tries to create one with extra body fields (a membership: with a new
 * user and organization)
 */
public record MetadataObject(String name, String path, List<String> classes, String table,
		BiFunction<ApiClient, Map<String, ?>, Attempt> creator) {

	public static final String MERGE_PATCH = "application/merge-patch+json";

	public static final MetadataObject ORGANIZATIONS = new MetadataObject("organizations", "/organizations",
			List.of("metadata", "public_metadata"), "organization", (api, fields) -> {
				String name = "Org " + unique();
				return new Attempt(api.post("/organizations", body(Map.of("name", name), fields)), "name", name);
			});

	public static final MetadataObject USERS = new MetadataObject("users", "/user_management/users",
			List.of("metadata", "public_metadata", "unsafe_metadata"), "app_user", (api, fields) -> {
				String email = "meta-" + unique() + "@example.com";
				return new Attempt(api.post("/user_management/users", body(Map.of("email", email), fields)),
						"email_key", email);
			});

	public static final MetadataObject MEMBERSHIPS = new MetadataObject("memberships",
			"/user_management/organization_memberships", List.of("metadata", "public_metadata", "custom_attributes"),
			"organization_membership", (api, fields) -> {
				String userId = USERS.create(api, Map.of()).field("id");
				String organizationId = ORGANIZATIONS.create(api, Map.of()).field("id");
				return new Attempt(
						api.post("/user_management/organization_memberships",
								body(Map.of("user_id", userId, "organization_id", organizationId), fields)),
						"user_id", userId);
			});

	public static Stream<MetadataObject> all() {
		return Stream.of(ORGANIZATIONS, USERS, MEMBERSHIPS);
	}

	/** Every object with each of its JSON classes (all but {@code metadata}). */
	public static Stream<Arguments> jsonClasses() {
		return all().flatMap((object) -> object.classes()
			.stream()
			.filter((name) -> !name.equals("metadata"))
			.map((name) -> Arguments.of(object, name)));
	}

	/** Every object with each of its classes. */
	public static Stream<Arguments> everyClass() {
		return all().flatMap((object) -> object.classes().stream().map((name) -> Arguments.of(object, name)));
	}

	/** Creates one; fails the test unless it is a 201. */
	public Response create(ApiClient api, Map<String, ?> fields) {
		Response created = this.creator.apply(api, fields).response();
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	/** Tries to create one; the caller asserts the answer and what was written. */
	public Attempt tryCreate(ApiClient api, Map<String, ?> fields) {
		return this.creator.apply(api, fields);
	}

	public String pathOf(String id) {
		return this.path + "/" + id;
	}

	public String metadataPathOf(String id) {
		return this.path + "/" + id + "/metadata";
	}

	/** {@code PATCH …/{id}/metadata} as {@code application/merge-patch+json}. */
	public Response mergePatch(ApiClient api, String id, Object body) {
		return send(api, "PATCH", metadataPathOf(id), body, MERGE_PATCH, null);
	}

	/**
	 * Sends {@code body} (a String as is, else as JSON) with a content type and an
	 * optional {@code If-Match}.
	 */
	public static Response send(ApiClient api, String method, String path, Object body, String contentType,
			String ifMatch) {
		String text = null;
		if (body instanceof String raw) {
			text = raw;
		}
		else if (body != null) {
			text = ApiClient.json(body);
		}
		HttpRequest.Builder request = api.request(path)
			.method(method,
					(text != null) ? HttpRequest.BodyPublishers.ofString(text) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return api.send(request.build());
	}

	private static Map<String, Object> body(Map<String, ?> required, Map<String, ?> fields) {
		Map<String, Object> body = new LinkedHashMap<>(required);
		body.putAll(fields);
		return body;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * A create request's answer, and a column value only that object would have, to find
	 * whether a row was written.
	 */
	public record Attempt(Response response, String column, String value) {

		/** The query counting the rows this attempt wrote to {@code table}. */
		public String countQuery(String table) {
			return "SELECT COUNT(*) FROM " + table + " WHERE " + this.column + " = ?";
		}

	}

}
