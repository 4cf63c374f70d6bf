/**
 * Clerk's Backend API wire ({@code /clerk/v1/…}, API.md "Clerk Backend API
 * compatibility"), so that Clerk's official Node SDK drives Claimsmith unmodified:
 * Clerk's shapes, timestamps, lists and error envelope over the same store as the WorkOS
 * wire.
 */
@ApplicationModule(allowedDependencies = { "organization", "user", "membership", "invitation", "metadata", "store",
		"web", "template", "token", "keys" })
package dev.claimsmith.clerk;

import org.springframework.modulith.ApplicationModule;
