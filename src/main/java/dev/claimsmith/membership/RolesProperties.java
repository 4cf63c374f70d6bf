package dev.claimsmith.membership;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Roles and their permissions are configuration, not data: {@code member} and
 * {@code admin} unless {@code claimsmith.roles.definitions} says otherwise.
 *
 * @param defaultRole the role of a membership created without one
 * @param definitions role slug to its permissions
 */
@ConfigurationProperties("claimsmith.roles")
public record RolesProperties(@DefaultValue("member") String defaultRole, Map<String, List<String>> definitions) {

	public RolesProperties {
		if (definitions == null || definitions.isEmpty()) {
			definitions = Map.of("member", List.of(), "admin", List.of("organization:manage", "members:manage"));
		}
		if (!definitions.containsKey(defaultRole)) {
			throw new IllegalArgumentException("claimsmith.roles.default-role '" + defaultRole
					+ "' is not one of the defined roles " + definitions.keySet());
		}
	}

	public boolean isDefined(String slug) {
		return this.definitions.containsKey(slug);
	}

	/** The permissions of a role; none for a role no longer configured. */
	public List<String> permissionsOf(String slug) {
		return this.definitions.getOrDefault(slug, List.of());
	}

}
