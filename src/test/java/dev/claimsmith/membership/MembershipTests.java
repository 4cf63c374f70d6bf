package dev.claimsmith.membership;

import java.time.Instant;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link Membership} aggregate on its own: its status transitions and classes. */
class MembershipTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	@Test
	void createThenActiveWithTheRole() {
		Membership membership = Membership.create("user_1", "org_1", "member", CREATED);

		assertThat(membership.id()).startsWith("om_");
		assertThat(membership.isActive()).isTrue();
		assertThat(membership.isPending()).isFalse();
		assertThat(membership.roleSlug()).isEqualTo("member");
		assertThat(membership.customAttributes().isEmpty()).isTrue();
	}

	@Test
	void pendingForNewUserThenActivatedForTheAcceptingUser() {
		Membership membership = Membership.pending(null, "org_1", "admin", CREATED);
		assertThat(membership.isPending()).isTrue();
		assertThat(membership.isActive()).isFalse();
		assertThat(membership.userId()).isNull();

		membership.activateFor("user_9", "admin", LATER);

		assertThat(membership.userId()).isEqualTo("user_9");
		assertThat(membership.isActive()).isTrue();
		assertThat(membership.roleSlug()).isEqualTo("admin");
		assertThat(membership.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void holdPendingThenExistingMembershipWaitsWithItsOwnRoleUntilAccepted() {
		Membership membership = Membership.create("user_1", "org_1", "member", CREATED);

		membership.holdPending(LATER);

		assertThat(membership.isPending()).isTrue();
		assertThat(membership.roleSlug()).isEqualTo("member");
		membership.activateFor("user_1", "admin", LATER);
		assertThat(membership.roleSlug()).isEqualTo("admin");
	}

	@Test
	void changeStatusToTheSameStatusThenUpdatedAtStays() {
		Membership membership = Membership.create("user_1", "org_1", "member", CREATED);

		membership.changeStatus(Membership.ACTIVE, LATER);
		assertThat(membership.updatedAt()).isEqualTo(CREATED);

		membership.changeStatus(Membership.INACTIVE, LATER);
		assertThat(membership.isActive()).isFalse();
		assertThat(membership.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void reactivateThenActiveWithTheNewRole() {
		Membership membership = Membership.create("user_1", "org_1", "member", CREATED);
		membership.changeStatus(Membership.INACTIVE, CREATED);

		membership.reactivate("admin", LATER);

		assertThat(membership.isActive()).isTrue();
		assertThat(membership.roleSlug()).isEqualTo("admin");
	}

	@Test
	void updateMetadataThenCustomAttributesMergeAndOtherClassesStay() {
		Membership membership = Membership.create("user_1", "org_1", "member", CREATED);
		membership
			.updateMetadata(
					MetadataChanges
						.of(MetadataUpdate.partial(MetadataClass.METADATA, JSON.readTree("{\"crm\":\"a\"}")),
								MetadataUpdate.partial(MetadataClass.CUSTOM_ATTRIBUTES,
										JSON.readTree("{\"department\":\"Sales\",\"cost_center\":\"CC-1\"}"))),
					CREATED);

		membership.updateMetadata(MetadataChanges.of(MetadataUpdate.mergePatch(MetadataClass.CUSTOM_ATTRIBUTES,
				JSON.readTree("{\"cost_center\":null,\"office\":{\"city\":\"Lyon\"}}"))), LATER);

		assertThat(membership.customAttributes().toJson())
			.isEqualTo("{\"department\":\"Sales\",\"office\":{\"city\":\"Lyon\"}}");
		assertThat(membership.metadata().toJson()).isEqualTo("{\"crm\":\"a\"}");
		assertThat(membership.updatedAt()).isEqualTo(LATER);
	}

}
