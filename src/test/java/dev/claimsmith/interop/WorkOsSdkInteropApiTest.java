package dev.claimsmith.interop;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.workos.WorkOS;
import com.workos.common.exceptions.BadRequestException;
import com.workos.common.exceptions.NotFoundException;
import com.workos.common.exceptions.UnauthorizedException;
import com.workos.common.exceptions.UnprocessableEntityException;
import com.workos.common.http.Page;
import com.workos.common.http.RetryConfig;
import com.workos.models.EventSchema;
import com.workos.models.Invitation;
import com.workos.models.Organization;
import com.workos.models.OrganizationDomainData;
import com.workos.models.OrganizationMembership;
import com.workos.models.User;
import com.workos.models.UserCreateResponse;
import com.workos.models.WebhookEndpoint;
import com.workos.organizationmembership.CreateUserRole;
import com.workos.types.CreateWebhookEndpointEvents;
import com.workos.types.InvitationState;
import com.workos.types.OrganizationDomainDataState;
import com.workos.types.OrganizationDomainState;
import com.workos.types.OrganizationMembershipStatus;
import com.workos.types.WebhookEndpointStatus;
import com.workos.usermanagement.CreateUserPassword;
import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The official WorkOS Java SDK ({@code com.workos:workos}) as the client: if it can drive
 * the management API pointed at our base URL, the wire format is WorkOS's. Any failure
 * here is a wire incompatibility in the service, never something to work around in the
 * test.
 */
@ApiTest
class WorkOsSdkInteropApiTest {

	@LocalServerPort
	int port;

	WorkOS workos;

	@BeforeEach
	void setUp() {
		this.workos = WorkOS.builder()
			.apiKey(ApiClient.API_KEY)
			.apiBaseUrl("http://localhost:" + this.port)
			.retryConfig(RetryConfig.DISABLED)
			.build();
	}

	@Test
	void organizationCreateGetUpdateAndGetByExternalId() {
		String externalId = "ext-org-" + unique();
		String domain = "sdk-" + unique() + ".example.com";

		Organization created = this.workos.getOrganizations()
			.create("SDK Org " + externalId, null, null,
					List.of(new OrganizationDomainData(domain, OrganizationDomainDataState.Verified)),
					Map.of("tier", "gold", "region", "eu"), externalId);

		assertThat(created.getId()).startsWith("org_");
		assertThat(created.getName()).isEqualTo("SDK Org " + externalId);
		assertThat(created.getExternalId()).isEqualTo(externalId);
		assertThat(created.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "gold", "region", "eu"));
		assertThat(created.getDomains()).singleElement().satisfies((d) -> {
			assertThat(d.getDomain()).isEqualTo(domain);
			assertThat(d.getOrganizationId()).isEqualTo(created.getId());
			assertThat(d.getState()).isEqualTo(OrganizationDomainState.Verified);
		});
		assertThat(created.getCreatedAt()).isNotNull();

		Organization fetched = this.workos.getOrganizations().get(created.getId());
		assertThat(fetched.getId()).isEqualTo(created.getId());
		assertThat(fetched.getMetadata()).containsEntry("tier", "gold");

		Map<String, String> patch = new HashMap<>();
		patch.put("tier", "platinum");
		patch.put("region", null);
		patch.put("seats", "42");
		Organization updated = this.workos.getOrganizations()
			.update(created.getId(), null, null, null, null, null, patch);
		assertThat(updated.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "platinum", "seats", "42"));
		assertThat(updated.getName()).isEqualTo(created.getName());
		assertThat(updated.getExternalId()).isEqualTo(externalId);

		Organization byExternalId = this.workos.getOrganizations().getByExternalId(externalId);
		assertThat(byExternalId.getId()).isEqualTo(created.getId());
		assertThat(byExternalId.getMetadata()).containsEntry("tier", "platinum").doesNotContainKey("region");
	}

	@Test
	void userAndMembershipCreateGetAndList() {
		String email = "sdk-" + unique() + "@example.com";
		String externalId = "ext-user-" + unique();
		Organization organization = this.workos.getOrganizations().create("SDK Members " + unique());

		UserCreateResponse created = this.workos.getUserManagement()
			.create(new CreateUserPassword.Plaintext("correct horse battery staple"), email, "Ada", "Lovelace", null,
					true, Map.of("plan", "pro"), externalId);

		assertThat(created.getId()).startsWith("user_");
		assertThat(created.getEmail()).isEqualTo(email);
		assertThat(created.getEmailVerified()).isTrue();
		assertThat(created.getFirstName()).isEqualTo("Ada");
		assertThat(created.getMetadata()).containsEntry("plan", "pro");
		assertThat(created.getExternalId()).isEqualTo(externalId);

		User fetched = this.workos.getUserManagement().get(created.getId());
		assertThat(fetched.getEmail()).isEqualTo(email);
		assertThat(fetched.getLastName()).isEqualTo("Lovelace");
		assertThat(this.workos.getUserManagement().getByExternalId(externalId).getId()).isEqualTo(created.getId());

		OrganizationMembership membership = this.workos.getOrganizationMembership()
			.create(new CreateUserRole.Single("admin"), created.getId(), organization.getId());
		assertThat(membership.getId()).startsWith("om_");
		assertThat(membership.getUserId()).isEqualTo(created.getId());
		assertThat(membership.getOrganizationId()).isEqualTo(organization.getId());
		assertThat(membership.getOrganizationName()).isEqualTo(organization.getName());
		assertThat(membership.getStatus()).isEqualTo(OrganizationMembershipStatus.Active);
		assertThat(membership.getRole().getSlug()).isEqualTo("admin");
		assertThat(membership.getUser().getEmail()).isEqualTo(email);

		Page<User> users = this.workos.getUserManagement().list(null, null, 10, null, null, organization.getId(), null);
		assertThat(users.data).extracting(User::getId).containsExactly(created.getId());

		Page<OrganizationMembership> byOrganization = this.workos.getOrganizationMembership()
			.list(null, null, 10, null, organization.getId(), null, null);
		assertThat(byOrganization.data).extracting(OrganizationMembership::getId).containsExactly(membership.getId());
		Page<OrganizationMembership> byUser = this.workos.getOrganizationMembership()
			.list(null, null, 10, null, null, List.of(OrganizationMembershipStatus.Active), created.getId());
		assertThat(byUser.data).singleElement().satisfies((m) -> {
			assertThat(m.getOrganizationId()).isEqualTo(organization.getId());
			assertThat(m.getRole().getSlug()).isEqualTo("admin");
		});
		assertThat(byUser.hasNextPage()).isFalse();
	}

	@Test
	void membershipDeactivateListByStatusRecreateAndDelete() {
		String userId = this.workos.getUserManagement().create("sdk-" + unique() + "@example.com").getId();
		Organization organization = this.workos.getOrganizations().create("SDK Lifecycle " + unique());
		OrganizationMembership membership = this.workos.getOrganizationMembership()
			.create(userId, organization.getId());
		assertThat(membership.getRole().getSlug()).isEqualTo("member");

		OrganizationMembership deactivated = this.workos.getOrganizationMembership().deactivate(membership.getId());
		assertThat(deactivated.getStatus()).isEqualTo(OrganizationMembershipStatus.Inactive);
		assertThat(this.workos.getOrganizationMembership().list(null, null, 10, null, organization.getId()).data)
			.as("WorkOS lists only active memberships unless statuses says otherwise")
			.isEmpty();
		assertThat(this.workos.getOrganizationMembership()
			.list(null, null, 10, null, organization.getId(),
					List.of(OrganizationMembershipStatus.Inactive, OrganizationMembershipStatus.Pending)).data)
			.extracting(OrganizationMembership::getId)
			.containsExactly(membership.getId());

		OrganizationMembership recreated = this.workos.getOrganizationMembership()
			.create(new CreateUserRole.Single("admin"), userId, organization.getId());
		assertThat(recreated.getId()).as("WorkOS reactivates the inactive membership").isEqualTo(membership.getId());
		assertThat(recreated.getStatus()).isEqualTo(OrganizationMembershipStatus.Active);
		assertThat(recreated.getRole().getSlug()).isEqualTo("admin");
		OrganizationMembership demoted = this.workos.getOrganizationMembership()
			.update(membership.getId(), new CreateUserRole.Multiple(List.of("member")));
		assertThat(demoted.getRole().getSlug()).isEqualTo("member");
		assertThat(demoted.getDirectoryManaged()).isFalse();

		this.workos.getOrganizationMembership().delete(membership.getId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getOrganizationMembership().get(membership.getId()));
	}

	@Test
	void invitationSendGetFindByTokenListResendAcceptAndRevoke() {
		Organization organization = this.workos.getOrganizations().create("SDK Invitations " + unique());
		String inviter = this.workos.getUserManagement().create("sdk-inviter-" + unique() + "@example.com").getId();
		String email = "sdk-invitee-" + unique() + "@example.com";

		Invitation sent = this.workos.getUserManagement()
			.sendInvitation(email, organization.getId(), "admin", 3L, inviter);
		assertThat(sent.getId()).startsWith("invitation_");
		assertThat(sent.getObjectType()).isEqualTo("invitation");
		assertThat(sent.getEmail()).isEqualTo(email);
		assertThat(sent.getState()).isEqualTo(InvitationState.Pending);
		assertThat(sent.getOrganizationId()).isEqualTo(organization.getId());
		assertThat(sent.getInviterUserId()).isEqualTo(inviter);
		assertThat(sent.getRoleSlug()).isEqualTo("admin");
		assertThat(sent.getExpiresAt()).isAfter(OffsetDateTime.now().plusDays(2));
		assertThat(sent.getToken()).isNotBlank();
		assertThat(sent.getAcceptInvitationUrl()).contains(sent.getToken());
		assertThat(sent.getAcceptedAt()).isNull();

		Invitation fetched = this.workos.getUserManagement().getInvitation(sent.getId());
		assertThat(fetched.getEmail()).isEqualTo(email);
		assertThat(fetched.getToken()).as("stored only as a hash").isEmpty();
		assertThat(this.workos.getUserManagement().findInvitationByToken(sent.getToken()).getId())
			.isEqualTo(sent.getId());
		Page<Invitation> listed = this.workos.getUserManagement()
			.listInvitations(null, null, 10, null, organization.getId(), null);
		assertThat(listed.data).extracting(Invitation::getId).containsExactly(sent.getId());
		assertThat(this.workos.getUserManagement().listInvitations(null, null, 10, null, null, email).data)
			.extracting(Invitation::getId)
			.containsExactly(sent.getId());

		Invitation resent = this.workos.getUserManagement().resendInvitation(sent.getId());
		assertThat(resent.getToken()).isNotBlank().isNotEqualTo(sent.getToken());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getUserManagement().findInvitationByToken(sent.getToken()));

		Invitation accepted = this.workos.getUserManagement().acceptInvitation(sent.getId());
		assertThat(accepted.getState()).isEqualTo(InvitationState.Accepted);
		assertThat(accepted.getAcceptedAt()).isNotNull();
		assertThat(accepted.getAcceptedUserId()).startsWith("user_");
		assertThat(this.workos.getOrganizationMembership()
			.list(null, null, 10, null, organization.getId(), null, accepted.getAcceptedUserId()).data).singleElement()
			.satisfies((membership) -> {
				assertThat(membership.getStatus()).isEqualTo(OrganizationMembershipStatus.Active);
				assertThat(membership.getRole().getSlug()).isEqualTo("admin");
			});
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.workos.getUserManagement().acceptInvitation(sent.getId()))
			.satisfies((ex) -> assertThat(ex.code).isEqualTo("invitation_invalid"));

		Invitation other = this.workos.getUserManagement().sendInvitation("sdk-other-" + unique() + "@example.com");
		assertThat(other.getOrganizationId()).isNull();
		Invitation revoked = this.workos.getUserManagement().revokeInvitation(other.getId());
		assertThat(revoked.getState()).isEqualTo(InvitationState.Revoked);
		assertThat(revoked.getRevokedAt()).isNotNull();
	}

	@Test
	void invitationPendingMembershipIsListedByStatusPending() {
		Organization organization = this.workos.getOrganizations().create("SDK Pending " + unique());
		String userId = this.workos.getUserManagement().create("sdk-pending-" + unique() + "@example.com").getId();
		String email = this.workos.getUserManagement().get(userId).getEmail();
		this.workos.getUserManagement().sendInvitation(email, organization.getId());

		assertThat(this.workos.getOrganizationMembership()
			.list(null, null, 10, null, organization.getId(), List.of(OrganizationMembershipStatus.Pending)).data)
			.singleElement()
			.satisfies((membership) -> {
				assertThat(membership.getUserId()).isEqualTo(userId);
				assertThat(membership.getStatus()).isEqualTo(OrganizationMembershipStatus.Pending);
			});
	}

	@Test
	void organizationListPagesThroughEveryMatchAndDeleteRemoves() {
		List<String> domains = List.of("p1-" + unique() + ".example.com", "p2-" + unique() + ".example.com",
				"p3-" + unique() + ".example.com");
		List<String> ids = domains.stream()
			.map((domain) -> this.workos.getOrganizations()
				.create("SDK Paged " + domain, null, null,
						List.of(new OrganizationDomainData(domain, OrganizationDomainDataState.Pending)))
				.getId())
			.toList();

		Page<Organization> first = this.workos.getOrganizations().list(null, null, 1, null, domains);
		assertThat(first.data).hasSize(1);
		assertThat(first.hasNextPage()).isTrue();
		List<String> all = new ArrayList<>();
		first.autoPagingIterable().forEach((organization) -> all.add(organization.getId()));
		assertThat(all).containsExactlyInAnyOrderElementsOf(ids);

		this.workos.getOrganizations().delete(ids.get(0));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getOrganizations().get(ids.get(0)));
	}

	@Test
	void validationErrorsSurfaceAsTheSdksTypedExceptionsWithCodeAndFieldErrors() {
		String externalId = "ext-dup-" + unique();
		this.workos.getOrganizations().create("SDK Dup " + externalId, null, null, null, null, externalId);

		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.workos.getOrganizations()
				.create("SDK Dup again " + externalId, null, null, null, null, externalId))
			.satisfies((ex) -> {
				assertThat(ex.status).isEqualTo(400);
				assertThat(ex.code).isEqualTo("external_id_already_used");
				assertThat(ex.getMessage()).isNotBlank();
			});

		Map<String, String> elevenKeys = new HashMap<>();
		for (int i = 0; i < 11; i++) {
			elevenKeys.put("k" + i, "v");
		}
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(
				() -> this.workos.getOrganizations().create("SDK Metadata " + unique(), null, null, null, elevenKeys))
			.satisfies((ex) -> assertThat(ex.code).isEqualTo("invalid_metadata"));

		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> this.workos.getUserManagement().create("not-an-email"))
			.satisfies((ex) -> {
				assertThat(ex.status).isEqualTo(422);
				assertThat(ex.errors).extracting((error) -> error.field).contains("email");
			});
	}

	@Test
	void wrongApiKeySurfacesAsTheSdksUnauthorizedException() {
		WorkOS wrongKey = WorkOS.builder()
			.apiKey("sk_test_wrong")
			.apiBaseUrl("http://localhost:" + this.port)
			.retryConfig(RetryConfig.DISABLED)
			.build();

		assertThatExceptionOfType(UnauthorizedException.class)
			.isThrownBy(() -> wrongKey.getOrganizations().get("org_01HXXXXXXXXXXXXXXXXXXXXXXX"));
	}

	@Test
	void unknownIdsSurfaceAsTheSdksNotFoundException() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getOrganizations().get("org_01HXXXXXXXXXXXXXXXXXXXXXXX"))
			.satisfies((ex) -> assertThat(ex.status).isEqualTo(404));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getOrganizations().getByExternalId("no-such-" + unique()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getUserManagement().get("user_01HXXXXXXXXXXXXXXXXXXXXXXX"));
	}

	/**
	 * The SDK's {@code events.list} sends our query parameters ({@code events} joined,
	 * {@code range_start} as {@code OffsetDateTime.toString()}, {@code limit},
	 * {@code organization_id}) and reads the list envelope. Version 7.2.0 cannot map a
	 * listed {@code organization.created} (or any typed event) to its own
	 * {@code EventSchema} ("OrganizationCreated not subtype of EventSchema", a bug in the
	 * SDK's generated models that a WorkOS answer hits the same way), so the non-empty
	 * pages are read over plain HTTP in {@code EventsApiTest}, and the typed parse of our
	 * event object is checked through the SDK's webhook helper in {@code WebhookApiTest}.
	 */
	@Test
	void eventsListSendsTheFeedsParametersAndReadsItsEnvelope() {
		Organization organization = this.workos.getOrganizations().create("SDK Events " + unique());

		Page<EventSchema> none = this.workos.getEvents()
			.list(List.of("organization.created", "organization.updated"), null, null, 5, null,
					OffsetDateTime.now().plusDays(1), null, organization.getId());

		assertThat(none.data).isEmpty();
		assertThat(none.hasNextPage()).isFalse();
		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> this.workos.getEvents().list(List.of("organization.exploded")));
	}

	@Test
	void webhookEndpointsCreateListAndDeleteThroughTheSdk() {
		WebhookEndpoint created = this.workos.getWebhooks()
			.createEndpoint("https://hooks.example.com/" + unique(),
					List.of(CreateWebhookEndpointEvents.UserCreated, CreateWebhookEndpointEvents.OrganizationUpdated));

		assertThat(created.getId()).startsWith("we_");
		assertThat(created.getSecret()).startsWith("whsec_");
		assertThat(created.getStatus()).isEqualTo(WebhookEndpointStatus.Enabled);
		assertThat(created.getEvents()).containsExactly("user.created", "organization.updated");
		List<String> listed = new ArrayList<>();
		this.workos.getWebhooks().listEndpoints(null, null, null, null, null).data
			.forEach((e) -> listed.add(e.getId()));
		assertThat(listed).contains(created.getId());
		this.workos.getWebhooks().deleteEndpoint(created.getId());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.workos.getWebhooks().deleteEndpoint(created.getId()));
	}

}
