/**
 * Signing keys: the key folder, rotation, signer selection, JWKS and discovery.
 */
@ApplicationModule(allowedDependencies = { "store", "web" })
package dev.claimsmith.keys;

import org.springframework.modulith.ApplicationModule;
