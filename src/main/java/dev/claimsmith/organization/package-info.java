/**
 * Organizations and their domains: the aggregate, its repository and the organizations
 * API.
 */
@ApplicationModule(allowedDependencies = { "events", "metadata", "store", "web" })
package dev.claimsmith.organization;

import org.springframework.modulith.ApplicationModule;
