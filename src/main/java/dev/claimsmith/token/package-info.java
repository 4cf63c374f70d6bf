/**
 * Access tokens: the allow-listed claims context, the minter, and the mint, preview and
 * introspection endpoints.
 */
@ApplicationModule(
		allowedDependencies = { "keys", "membership", "metadata", "organization", "template", "user", "store", "web" })
package dev.claimsmith.token;

import org.springframework.modulith.ApplicationModule;
