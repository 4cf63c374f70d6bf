package dev.claimsmith.auth;

import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepting an invitation by signing in: {@code grant_type=password} with
 * {@code invitation_token}. A person without an account gets one with that password; an
 * existing user must give their own password; either way the membership becomes active
 * and the session is in the invitation's organization. A spent, revoked, expired or
 * someone else's token is 400 {@code invitation_invalid} and changes nothing.
 */
@ApiTest
class InvitationSignInApiTest {

	private static final String INVITATIONS = "/user_management/invitations";

	private static final String MEMBERSHIPS = "/user_management/organization_memberships";

	AuthClient auth;

	@Autowired
	ApiClient api;

	String orgId;

	@BeforeEach
	void setUp() {
		this.auth = new AuthClient(this.api);
		this.orgId = this.auth.organization(Map.of());
	}

	@Test
	void signInWithInvitationTokenWhenNoAccountThenUserCreatedWithThatPasswordAndSignedIntoTheOrganization() {
		String email = AuthClient.email();
		Response invited = this.api.post(INVITATIONS,
				Map.of("email", email, "organization_id", this.orgId, "role_slug", "admin"));
		String token = invited.field("token");

		Response signedIn = this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip(),
				Map.of("invitation_token", token));

		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertThat(signedIn.field("organization_id")).isEqualTo(this.orgId);
		assertThat(signedIn.field("access_token")).isNotBlank();
		String userId = signedIn.json().get("user").get("id").asString();
		assertThat(signedIn.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(this.api.get(INVITATIONS + "/" + invited.field("id")).field("accepted_user_id")).isEqualTo(userId);
		assertThat(this.api.get(MEMBERSHIPS + "?organization_id=" + this.orgId + "&user_id=" + userId)
			.json()
			.get("data")
			.get(0)
			.get("role")
			.get("slug")
			.asString()).isEqualTo("admin");
		assertThat(this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip()).status())
			.as("the new account signs in with its password alone")
			.isEqualTo(200);
		assertThatError(
				this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip(), Map.of("invitation_token", token)))
			.is(400, "invitation_invalid");
	}

	@Test
	void signInWithInvitationTokenWhenAccountExistsThenItsPasswordIsNeeded() {
		String email = AuthClient.email();
		String userId = this.auth.user(email, Map.of());
		String id = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId)).field("id");
		String token = this.api.post(INVITATIONS + "/" + id + "/resend", null).field("token");

		assertThatError(
				this.auth.password(email, "wrong password!", AuthClient.ip(), Map.of("invitation_token", token)))
			.is(400, "invalid_credentials");
		assertThat(this.api.get(INVITATIONS + "/" + id).field("state")).isEqualTo("pending");

		Response signedIn = this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip(),
				Map.of("invitation_token", token));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertThat(signedIn.json().get("user").get("id").asString()).isEqualTo(userId);
		assertThat(signedIn.field("organization_id")).isEqualTo(this.orgId);
		assertThat(this.api.get(INVITATIONS + "/" + id).field("state")).isEqualTo("accepted");
	}

	@Test
	void signInWithRevokedOrOtherEmailsTokenThenInvitationInvalidAndNoUserCreated() {
		String email = AuthClient.email();
		Response invited = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId));
		String token = invited.field("token");

		assertThatError(this.auth.password("other-" + email, AuthClient.PASSWORD, AuthClient.ip(),
				Map.of("invitation_token", token)))
			.is(400, "invitation_invalid");
		this.api.post(INVITATIONS + "/" + invited.field("id") + "/revoke", null);
		assertThatError(
				this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip(), Map.of("invitation_token", token)))
			.is(400, "invitation_invalid");
		assertThatError(
				this.auth.password(email, AuthClient.PASSWORD, AuthClient.ip(), Map.of("invitation_token", "nope")))
			.is(400, "invitation_invalid");
		assertThat(this.api.get("/user_management/users?email=" + email).json().get("data")).isEmpty();
		assertThat(this.api.get("/user_management/users?email=other-" + email).json().get("data")).isEmpty();
	}

	@Test
	void signInWithInvitationTokenAndTooShortPasswordThen422AndNothingWritten() {
		String email = AuthClient.email();
		Response invited = this.api.post(INVITATIONS, Map.of("email", email, "organization_id", this.orgId));

		assertThatError(
				this.auth.password(email, "short", AuthClient.ip(), Map.of("invitation_token", invited.field("token"))))
			.is(422, "invalid_request_parameters");
		assertThat(this.api.get(INVITATIONS + "/" + invited.field("id")).field("state")).isEqualTo("pending");
		assertThat(this.api.get("/user_management/users?email=" + email).json().get("data")).isEmpty();
	}

}
