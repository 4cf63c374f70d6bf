package dev.claimsmith.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored memberships. */
interface Memberships extends ListCrudRepository<Membership, String> {

	long countByOrganizationIdAndStatus(String organizationId, String status);

	// Declared rather than derived: Spring Data JDBC builds a derived query's SQL again
	// on
	// every call, and this one runs on every mint (bench/README.md).
	@Query("SELECT * FROM organization_membership WHERE user_id = :userId AND organization_id = :organizationId")
	Optional<Membership> findByUserIdAndOrganizationId(String userId, String organizationId);

	List<Membership> findByUserIdAndStatus(String userId, String status);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Membership> findLockedById(String id);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	List<Membership> findLockedByUserId(String userId);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	List<Membership> findLockedByOrganizationId(String organizationId);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Membership> findLockedByUserIdAndOrganizationId(String userId, String organizationId);

}
