package dev.claimsmith.template;

import java.util.Set;

/**
 * The language a claims template is written in. Both compile to the same
 * {@link ClaimsTemplate}, so both get the same limits, preview and playground.
 */
public enum TemplateDialect {

	/**
	 * Claimsmith's own: JSON text with {@code {{ expr }}} tags, a superset of WorkOS JWT
	 * templates (docs/templates.md).
	 */
	CLAIMSMITH("claimsmith", ReservedClaims.NAMES),

	/**
	 * Clerk's: a JSON object whose string values may be shortcodes
	 * ({@code "{{user.public_metadata}}"}), with Clerk's context names.
	 */
	CLERK("clerk", ClerkReservedClaims.NAMES);

	private final String jsonName;

	private final Set<String> reservedClaims;

	TemplateDialect(String jsonName, Set<String> reservedClaims) {
		this.jsonName = jsonName;
		this.reservedClaims = reservedClaims;
	}

	/** As stored and shown: {@code claimsmith}, {@code clerk}. */
	public String jsonName() {
		return this.jsonName;
	}

	/** Claims a template of this dialect may not set: the minter sets them. */
	public Set<String> reservedClaims() {
		return this.reservedClaims;
	}

	/** The dialect of a stored name. */
	public static TemplateDialect of(String jsonName) {
		for (TemplateDialect dialect : values()) {
			if (dialect.jsonName.equals(jsonName)) {
				return dialect;
			}
		}
		throw new IllegalArgumentException("Unknown template dialect " + jsonName);
	}

}
