package dev.claimsmith.user;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored users. */
interface Users extends ListCrudRepository<User, String> {

	Optional<User> findByEmailKey(String emailKey);

	Optional<User> findByExternalId(String externalId);

	/** Loads under a row lock, so concurrent partial updates apply one after another. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<User> findLockedById(String id);

}
