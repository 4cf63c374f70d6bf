package dev.claimsmith.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored memberships. */
interface Memberships extends ListCrudRepository<Membership, String> {

	Optional<Membership> findByUserIdAndOrganizationId(String userId, String organizationId);

	List<Membership> findByUserIdAndStatus(String userId, String status);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Membership> findLockedById(String id);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Membership> findLockedByUserIdAndOrganizationId(String userId, String organizationId);

}
