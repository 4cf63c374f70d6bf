package dev.claimsmith.organization;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of organizations may be sorted by (see
 * {@link OrganizationService#listByOffset}); ties fall by id.
 */
public enum OrganizationSort implements SortColumn {

	CREATED_AT("o.created_at"),

	NAME("o.name"),

	/**
	 * By the number of active members, counted per listed organization over the
	 * membership table's organization index: a named exception to module boundaries like
	 * the user list's organization filter (membership refers to organizations, so a call
	 * back into it would be a cycle); {@code ClerkListFiltersApiTest} pins it to
	 * {@code include_members_count}.
	 */
	MEMBERS_COUNT("(SELECT COUNT(*) FROM organization_membership m"
			+ " WHERE m.organization_id = o.id AND m.status = 'active')"),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID("o.id");

	private final String expression;

	OrganizationSort(String expression) {
		this.expression = expression;
	}

	@Override
	public String expression() {
		return this.expression;
	}

	@Override
	public boolean nullable() {
		return false;
	}

	@Override
	public boolean unique() {
		return this == ID;
	}

}
