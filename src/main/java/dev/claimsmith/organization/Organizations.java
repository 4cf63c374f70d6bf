package dev.claimsmith.organization;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored organizations. */
interface Organizations extends ListCrudRepository<Organization, String> {

	Optional<Organization> findByExternalId(String externalId);

	Optional<Organization> findBySlug(String slug);

	boolean existsBySlug(String slug);

	Optional<Organization> findFirstByNameOrderByIdAsc(String name);

	/** Loads under a row lock, so concurrent partial updates apply one after another. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Organization> findLockedById(String id);

}
