/**
 * Users: the aggregate, its repository, password hashing and the users API.
 */
@ApplicationModule(allowedDependencies = { "events", "metadata", "store", "web" })
package dev.claimsmith.user;

import org.springframework.modulith.ApplicationModule;
