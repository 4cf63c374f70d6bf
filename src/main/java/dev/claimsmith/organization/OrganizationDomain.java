package dev.claimsmith.organization;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A domain of an organization. {@code state} is {@code verified} or {@code pending};
 * verification is manual (set through the API).
 */
@Table("organization_domain")
public record OrganizationDomain(@Column("domain_id") String id, String domain, String state, Instant createdAt,
		Instant updatedAt) {

	OrganizationDomain withState(String state, Instant now) {
		return new OrganizationDomain(this.id, this.domain, state, this.createdAt, now);
	}

}
