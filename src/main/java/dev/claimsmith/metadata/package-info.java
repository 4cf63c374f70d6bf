/**
 * The metadata classes of every object (API.md "Metadata classes"): {@code JsonMetadata}
 * values, their limits, WorkOS partial updates and RFC 7396 merge patches
 * ({@code MetadataChanges}), their JSON columns.
 */
@ApplicationModule(allowedDependencies = { "web", "store" })
package dev.claimsmith.metadata;

import org.springframework.modulith.ApplicationModule;
