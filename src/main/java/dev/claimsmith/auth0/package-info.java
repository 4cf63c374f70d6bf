/**
 * Auth0 Management API compatibility ({@code /api/v2/…}): users, organizations and their
 * members with Auth0's field names, paging shapes and error envelope, over the same store
 * as the WorkOS wire, so that Auth0's official SDK runs unmodified. The token it signs in
 * with comes from {@code auth/} ({@code POST /oauth/token}).
 */
@ApplicationModule(allowedDependencies = { "auth", "membership", "metadata", "organization", "selfservice", "user",
		"store", "web" })
package dev.claimsmith.auth0;

import org.springframework.modulith.ApplicationModule;
