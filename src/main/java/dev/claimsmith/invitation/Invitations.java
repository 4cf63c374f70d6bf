package dev.claimsmith.invitation;

import java.util.Optional;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Stored invitations. */
interface Invitations extends ListCrudRepository<Invitation, String> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Invitation> findLockedById(String id);

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Invitation> findLockedByTokenHash(String tokenHash);

	/** The open invitation for an email and organization, if any. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Invitation> findLockedByOpenKey(String openKey);

}
