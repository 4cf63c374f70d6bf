/**
 * Authentication: the authenticate endpoint and its grants, sessions, refresh tokens,
 * login throttling and the API-key filter.
 */
@ApplicationModule(allowedDependencies = { "invitation", "keys", "membership", "organization", "template", "token",
		"user", "store", "web" })
package dev.claimsmith.auth;

import org.springframework.modulith.ApplicationModule;
