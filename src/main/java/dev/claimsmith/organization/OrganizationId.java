package dev.claimsmith.organization;

/**
 * An organization's id, typed so that it cannot be passed where a user's is expected. Any
 * text is an id (a preview's inline context may hold any): whether such an organization
 * exists is the lookup's answer, not this type's.
 *
 * @param value the id as stored and as the API shows it; never null
 */
public record OrganizationId(String value) {

	public OrganizationId {
		if (value == null) {
			throw new IllegalArgumentException("value is required");
		}
	}

	/** The id of {@code value}, or null for null: for ids the API takes optionally. */
	public static OrganizationId ofNullable(String value) {
		return (value != null) ? new OrganizationId(value) : null;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
