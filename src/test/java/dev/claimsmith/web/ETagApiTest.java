package dev.claimsmith.web;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import dev.claimsmith.MetadataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every organization, user and membership answers with a strong {@code ETag} that changes
 * with each write, and a PUT, PATCH or DELETE whose {@code If-Match} does not name the
 * current one is a 412 {@code precondition_failed} that changes nothing.
 */
@ApiTest
class ETagApiTest {

	private static final String STRONG = "\"[0-9]+\"";

	@Autowired
	ApiClient api;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void everySingleObjectAnswerCarriesAStrongETagThatChangesWithEachWrite(MetadataObject object) {
		Response created = object.create(this.api, Map.of());
		String id = created.field("id");
		String etag = created.header("ETag");
		assertThat(etag).matches(STRONG);
		assertThat(this.api.get(object.pathOf(id)).header("ETag")).isEqualTo(etag);
		assertThat(this.api.get(object.pathOf(id)).header("ETag")).isEqualTo(etag);

		Response put = this.api.put(object.pathOf(id), Map.of("metadata", Map.of("a", "1")));
		assertThat(put.header("ETag")).matches(STRONG).isNotEqualTo(etag);
		assertThat(this.api.get(object.pathOf(id)).header("ETag")).isEqualTo(put.header("ETag"));

		Response patched = object.mergePatch(this.api, id, Map.of("metadata", Map.of("b", "2")));
		assertThat(patched.header("ETag")).matches(STRONG).isNotEqualTo(put.header("ETag"));
		assertThat(this.api.get(object.pathOf(id)).header("ETag")).isEqualTo(patched.header("ETag"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void writeWithTheCurrentETagOrAStarSucceeds(MetadataObject object) {
		Response created = object.create(this.api, Map.of());
		String id = created.field("id");

		Response put = MetadataObject.send(this.api, "PUT", object.pathOf(id), Map.of("metadata", Map.of("a", "1")),
				"application/json", created.header("ETag"));
		assertThat(put.status()).as(put.text()).isEqualTo(200);
		Response patched = MetadataObject.send(this.api, "PATCH", object.metadataPathOf(id),
				Map.of("metadata", Map.of("b", "2")), MetadataObject.MERGE_PATCH, "\"999999\", " + put.header("ETag"));
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		Response star = MetadataObject.send(this.api, "PUT", object.pathOf(id), Map.of("metadata", Map.of("c", "3")),
				"application/json", "*");
		assertThat(star.status()).as(star.text()).isEqualTo(200);
		assertThat(star.json().get("metadata").propertyNames()).containsExactlyInAnyOrder("a", "b", "c");

		Response deleted = MetadataObject.send(this.api, "DELETE", object.pathOf(id), null, null, star.header("ETag"));
		assertThat(deleted.status()).isBetween(200, 202);
		assertThat(this.api.get(object.pathOf(id)).status()).isEqualTo(404);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.MetadataObject#all")
	void writeWithAStaleOrWeakETagIsA412AndChangesNothing(MetadataObject object) {
		Response created = object.create(this.api, Map.of("metadata", Map.of("a", "1")));
		String id = created.field("id");
		String stale = created.header("ETag");
		String current = this.api.put(object.pathOf(id), Map.of("metadata", Map.of("b", "2"))).header("ETag");
		Response before = this.api.get(object.pathOf(id));

		for (String ifMatch : new String[] { stale, "W/" + current, "\"nonsense\"", current.replace("\"", "") }) {
			assertPreconditionFailed(MetadataObject.send(this.api, "PUT", object.pathOf(id),
					Map.of("metadata", Map.of("c", "3")), "application/json", ifMatch));
			assertPreconditionFailed(MetadataObject.send(this.api, "PATCH", object.metadataPathOf(id),
					Map.of("metadata", Map.of("c", "3")), MetadataObject.MERGE_PATCH, ifMatch));
			assertPreconditionFailed(MetadataObject.send(this.api, "DELETE", object.pathOf(id), null, null, ifMatch));
		}

		Response after = this.api.get(object.pathOf(id));
		assertThat(after.json()).isEqualTo(before.json());
		assertThat(after.header("ETag")).isEqualTo(current);
	}

	@Test
	void membershipStatusChangesCarryETagsAndHonourIfMatch() {
		MetadataObject memberships = MetadataObject.MEMBERSHIPS;
		Response created = memberships.create(this.api, Map.of());
		String id = created.field("id");

		assertPreconditionFailed(
				MetadataObject.send(this.api, "PUT", memberships.pathOf(id) + "/deactivate", null, null, "\"999999\""));
		assertThat(this.api.get(memberships.pathOf(id)).field("status")).isEqualTo("active");
		Response deactivated = MetadataObject.send(this.api, "PUT", memberships.pathOf(id) + "/deactivate", null, null,
				created.header("ETag"));
		assertThat(deactivated.field("status")).isEqualTo("inactive");
		assertThat(deactivated.header("ETag")).matches(STRONG).isNotEqualTo(created.header("ETag"));
		Response reactivated = this.api.put(memberships.pathOf(id) + "/reactivate", null);
		assertThat(reactivated.header("ETag")).matches(STRONG).isNotEqualTo(deactivated.header("ETag"));
	}

	@Test
	void invitationRevokeResendAndAcceptHonourIfMatch() {
		String orgId = this.api.post("/organizations", Map.of("name", "ETag " + ApiClient.unique())).field("id");
		Response created = this.api.post("/user_management/invitations",
				Map.of("email", "etag-" + ApiClient.unique() + "@example.com", "organization_id", orgId));
		String path = "/user_management/invitations/" + created.field("id");

		for (String action : new String[] { "/revoke", "/resend", "/accept" }) {
			assertPreconditionFailed(MetadataObject.send(this.api, "POST", path + action, null, null, "\"999999\""));
		}
		Response unchanged = this.api.get(path);
		assertThat(unchanged.field("state")).isEqualTo("pending");
		assertThat(unchanged.header("ETag")).isEqualTo(created.header("ETag"));

		Response resent = MetadataObject.send(this.api, "POST", path + "/resend", null, null, created.header("ETag"));
		assertThat(resent.status()).isEqualTo(200);
		assertPreconditionFailed(
				MetadataObject.send(this.api, "POST", path + "/revoke", null, null, created.header("ETag")));
		Response revoked = MetadataObject.send(this.api, "POST", path + "/revoke", null, null, resent.header("ETag"));
		assertThat(revoked.field("state")).isEqualTo("revoked");
	}

	@Test
	void lookupsByExternalIdCarryTheObjectsETag() {
		for (MetadataObject object : new MetadataObject[] { MetadataObject.ORGANIZATIONS, MetadataObject.USERS }) {
			String externalId = "etag-" + ApiClient.unique();
			Response created = object.create(this.api, Map.of("external_id", externalId));

			assertThat(this.api.get(object.path() + "/external_id/" + externalId).header("ETag"))
				.isEqualTo(created.header("ETag"));
		}
	}

	private static void assertPreconditionFailed(Response response) {
		assertThatError(response).is(412, "precondition_failed");
		assertThat(response.json().has("errors")).isFalse();
	}

}
