/**
 * Claimsmith: users and organizations in, signed templated access tokens out. Each
 * top-level package below is an application module; {@code ModularityTests} verifies the
 * dependencies each declares in its {@code package-info.java}.
 */
package dev.claimsmith;
