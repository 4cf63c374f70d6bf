package dev.claimsmith.auth0;

import java.util.Map;

import dev.claimsmith.organization.Organization;

/**
 * An organization as Auth0 shows one. Claimsmith has one name, so {@code name} and
 * {@code display_name} are both that name; {@code metadata} is Claimsmith's string
 * {@code metadata}.
 */
record Auth0Organization(String id, String name, String displayName, Map<String, String> metadata) {

	static Auth0Organization of(Organization organization) {
		return new Auth0Organization(organization.id(), organization.name(), organization.name(),
				organization.metadata().asStrings());
	}

}
