/**
 * Flyway's Java migrations (found by their versioned names beside the SQL ones in
 * {@code db/migration}), for the few steps portable SQL cannot express.
 */
package db.migration;
