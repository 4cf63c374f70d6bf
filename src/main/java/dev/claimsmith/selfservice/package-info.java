/**
 * Self-service for the signed-in user: {@code GET /me} and {@code PATCH /me},
 * authenticated by the user's own access token (never an API key), showing only the
 * classes the user may read and writing only {@code unsafe_metadata}.
 */
@ApplicationModule(
		allowedDependencies = { "keys", "membership", "metadata", "organization", "token", "user", "store", "web" })
package dev.claimsmith.selfservice;

import org.springframework.modulith.ApplicationModule;
