/**
 * Memberships of users in organizations (referring to both by id), roles and permissions
 * from configuration, and the memberships API.
 */
@ApplicationModule(allowedDependencies = { "events", "organization", "user", "metadata", "store", "web" })
package dev.claimsmith.membership;

import org.springframework.modulith.ApplicationModule;
