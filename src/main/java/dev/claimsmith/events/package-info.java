/**
 * The events feed (WorkOS wire): every create, update and delete of users, organizations,
 * memberships and invitations appends an event to an outbox table in the same transaction
 * as the write, in commit order; {@code GET /events} pages through it, and expired events
 * are purged. Other modules publish a {@link ChangeEvent}; nothing here knows their
 * types.
 */
@ApplicationModule(allowedDependencies = { "store", "web" })
package dev.claimsmith.events;

import org.springframework.modulith.ApplicationModule;
