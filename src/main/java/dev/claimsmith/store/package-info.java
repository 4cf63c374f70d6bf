/**
 * Shared persistence support: ids, timestamps, keyset pagination, unique-index
 * recognition, Spring Data JDBC set-up and the converters modules contribute. Shared:
 * every module may use it.
 */
@ApplicationModule(allowedDependencies = "web")
package dev.claimsmith.store;

import org.springframework.modulith.ApplicationModule;
