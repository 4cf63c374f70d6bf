package dev.claimsmith.auth0;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Auth0 wire's settings ({@code claimsmith.auth0.*}; the domain and token lifetime of
 * {@code POST /oauth/token} live in {@code auth/}).
 *
 * @param connection the database connection every user shows in {@code identities[0]}:
 * Claimsmith has one user store, so any connection name is accepted on create
 */
@ConfigurationProperties("claimsmith.auth0")
record Auth0Properties(@DefaultValue("Username-Password-Authentication") String connection) {
}
