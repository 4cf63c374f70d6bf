/**
 * Invitations (WorkOS wire): an email invited, maybe into an organization, holding a
 * pending membership until it is accepted, revoked or expires; tokens stored as hashes.
 */
@ApplicationModule(allowedDependencies = { "events", "membership", "organization", "user", "metadata", "store", "web" })
package dev.claimsmith.invitation;

import org.springframework.modulith.ApplicationModule;
