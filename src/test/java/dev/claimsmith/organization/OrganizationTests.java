package dev.claimsmith.organization;

import java.time.Instant;
import java.util.List;

import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.metadata.MetadataUpdate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link Organization} aggregate on its own: domains, slug and metadata changes. */
class OrganizationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	@Test
	void createThenDomainsAndMetadataAreSetAndTimestampsAgree() {
		Organization organization = Organization.create("Acme", "acme",
				List.of(new Organization.DomainData("acme.test", "verified")), "cust-42",
				MetadataChanges.of(MetadataUpdate.partial(MetadataClass.METADATA, JSON.readTree("{\"plan\":\"pro\"}"))),
				CREATED);

		assertThat(organization.id()).startsWith("org_");
		assertThat(organization.slug()).isEqualTo("acme");
		assertThat(organization.externalId()).isEqualTo("cust-42");
		assertThat(organization.metadata().toJson()).isEqualTo("{\"plan\":\"pro\"}");
		assertThat(organization.domains()).singleElement().satisfies((domain) -> {
			assertThat(domain.id()).startsWith("org_domain_");
			assertThat(domain.domain()).isEqualTo("acme.test");
			assertThat(domain.state()).isEqualTo("verified");
		});
	}

	@Test
	void replaceDomainsThenKeptDomainsKeepTheirIdAndNewOnesGetOne() {
		Organization organization = Organization
			.create("Acme", "acme",
					List.of(new Organization.DomainData("acme.test", "pending"),
							new Organization.DomainData("old.test", "verified")),
					null, MetadataChanges.none(), CREATED);
		String keptId = organization.domains().get(0).id();

		organization.replaceDomains(List.of(new Organization.DomainData("acme.test", "verified"),
				new Organization.DomainData("new.test", "pending")), LATER);

		assertThat(organization.domains()).extracting(OrganizationDomain::domain)
			.containsExactly("acme.test", "new.test");
		assertThat(organization.domains().get(0).id()).as("a kept domain keeps its id").isEqualTo(keptId);
		assertThat(organization.domains().get(0).state()).isEqualTo("verified");
		assertThat(organization.domains().get(1).id()).isNotEqualTo(keptId);
		assertThat(organization.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void updateMetadataThenOnlyTheClassesSentChange() {
		Organization organization = Organization.create("Acme", "acme", List.of(), null,
				MetadataChanges.of(MetadataUpdate.partial(MetadataClass.METADATA, JSON.readTree("{\"plan\":\"pro\"}"))),
				CREATED);

		organization.updateMetadata(MetadataChanges.of(MetadataUpdate.mergePatch(MetadataClass.PUBLIC_METADATA,
				JSON.readTree("{\"branding\":{\"color\":\"teal\"}}"))), LATER);

		assertThat(organization.metadata().toJson()).isEqualTo("{\"plan\":\"pro\"}");
		assertThat(organization.publicMetadata().toJson()).isEqualTo("{\"branding\":{\"color\":\"teal\"}}");
		assertThat(organization.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void renameAndChangeSlugThenBothKept() {
		Organization organization = Organization.create("Acme", "acme", List.of(), null, MetadataChanges.none(),
				CREATED);

		organization.rename("Acme Corp", LATER);
		organization.changeSlug("acme-corp", LATER);

		assertThat(organization.name()).isEqualTo("Acme Corp");
		assertThat(organization.slug()).isEqualTo("acme-corp");
	}

}
