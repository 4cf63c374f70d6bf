package dev.claimsmith.organization;

import java.util.List;
import java.util.Map;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Timestamps;

/**
 * The contract's organization object. {@code metadata} shows the WorkOS string view of
 * its class (a typed value as its JSON text).
 */
record OrganizationResponse(String object, String id, String name, boolean allowProfilesOutsideOrganization,
		List<DomainResponse> domains, String externalId, Map<String, String> metadata, JsonMetadata publicMetadata,
		String createdAt, String updatedAt) {

	static OrganizationResponse of(Organization organization) {
		List<DomainResponse> domains = organization.domains()
			.stream()
			.map((domain) -> DomainResponse.of(organization.id(), domain))
			.toList();
		return new OrganizationResponse("organization", organization.id(), organization.name(), false, domains,
				organization.externalId(), organization.metadata().asStrings(), organization.publicMetadata(),
				Timestamps.format(organization.createdAt()), Timestamps.format(organization.updatedAt()));
	}

	record DomainResponse(String object, String id, String organizationId, String domain, String state,
			String verificationStrategy, String createdAt, String updatedAt) {

		static DomainResponse of(String organizationId, OrganizationDomain domain) {
			return new DomainResponse("organization_domain", domain.id(), organizationId, domain.domain(),
					domain.state(), "manual", Timestamps.format(domain.createdAt()),
					Timestamps.format(domain.updatedAt()));
		}

	}

}
