/**
 * The metadata value shared by users and organizations: validation, partial-update merge,
 * its JSON column.
 */
@ApplicationModule(allowedDependencies = { "web", "store" })
package dev.claimsmith.metadata;

import org.springframework.modulith.ApplicationModule;
