package dev.claimsmith.user;

import java.time.Instant;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link User} aggregate on its own: what each change does to its state. */
class UserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	@Test
	void createThenNewUnverifiedUserWithEmptyClassesAndCaseFoldedEmailKey() {
		User user = User.create("Jane.Doe@Example.COM", CREATED);

		assertThat(user.id()).startsWith("user_");
		assertThat(user.email()).isEqualTo("Jane.Doe@Example.COM");
		assertThat(User.emailKey(user.email())).isEqualTo("jane.doe@example.com");
		assertThat(user.emailVerified()).isFalse();
		assertThat(user.metadata().isEmpty()).isTrue();
		assertThat(user.publicMetadata().isEmpty()).isTrue();
		assertThat(user.unsafeMetadata().isEmpty()).isTrue();
		assertThat(user.createdAt()).isEqualTo(CREATED);
		assertThat(user.updatedAt()).isEqualTo(CREATED);
		assertThat(user.lastSignInAt()).isNull();
	}

	@Test
	void changeEmailThenEmailKeyFollowsAndUpdatedAtMoves() {
		User user = User.create("old@example.com", CREATED);

		user.changeEmail("New@Example.com", LATER);

		assertThat(user.email()).isEqualTo("New@Example.com");
		assertThat(user.updatedAt()).isEqualTo(LATER);
		assertThat(user.createdAt()).isEqualTo(CREATED);
	}

	@Test
	void signedInThenOnlyLastSignInAtMoves() {
		User user = User.create("jane@example.com", CREATED);

		user.signedIn(LATER);

		assertThat(user.lastSignInAt()).isEqualTo(LATER);
		assertThat(user.updatedAt()).as("a sign-in is not a change of the user").isEqualTo(CREATED);
	}

	@Test
	void updateMetadataThenOnlyTheClassesSentChange() {
		User user = User.create("jane@example.com", CREATED);
		user.updateMetadata(
				MetadataChanges.of(
						MetadataUpdate.partial(MetadataClass.PUBLIC_METADATA,
								JSON.readTree("{\"plan\":\"pro\",\"seats\":5}")),
						MetadataUpdate.partial(MetadataClass.UNSAFE_METADATA, JSON.readTree("{\"theme\":\"dark\"}"))),
				CREATED);

		user.updateMetadata(MetadataChanges
			.of(MetadataUpdate.partial(MetadataClass.PUBLIC_METADATA, JSON.readTree("{\"seats\":null,\"tier\":2}"))),
				LATER);

		assertThat(user.publicMetadata().toJson()).isEqualTo("{\"plan\":\"pro\",\"tier\":2}");
		assertThat(user.unsafeMetadata().toJson()).isEqualTo("{\"theme\":\"dark\"}");
		assertThat(user.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void updateMetadataWithNoChangesThenUpdatedAtStays() {
		User user = User.create("jane@example.com", CREATED);

		user.updateMetadata(MetadataChanges.none(), LATER);

		assertThat(user.updatedAt()).isEqualTo(CREATED);
	}

	@Test
	void renameAndExternalIdAndVerificationThenEachIsKept() {
		User user = User.create("jane@example.com", CREATED);

		user.rename("Jane", "Doe", LATER);
		user.changeExternalId("crm-7", LATER);
		user.verifyEmail(true, LATER);

		assertThat(user.firstName()).isEqualTo("Jane");
		assertThat(user.lastName()).isEqualTo("Doe");
		assertThat(user.externalId()).isEqualTo("crm-7");
		assertThat(user.emailVerified()).isTrue();
	}

}
