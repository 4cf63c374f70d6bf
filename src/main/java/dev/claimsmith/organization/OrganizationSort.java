package dev.claimsmith.organization;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of organizations may be sorted by (see
 * {@link OrganizationService#listByOffset}); ties fall by id.
 */
public enum OrganizationSort {

	CREATED_AT(SortColumn.of("o.created_at")),

	NAME(SortColumn.of("o.name")),

	/**
	 * By the number of active members, counted per listed organization over the
	 * membership table's organization index: a named exception to module boundaries like
	 * the user list's organization filter (membership refers to organizations, so a call
	 * back into it would be a cycle); {@code ClerkListFiltersApiTest} pins it to
	 * {@code include_members_count}.
	 */
	MEMBERS_COUNT(SortColumn.of("(SELECT COUNT(*) FROM organization_membership m"
			+ " WHERE m.organization_id = o.id AND m.status = 'active')")),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID(SortColumn.unique("o.id"));

	private final SortColumn column;

	OrganizationSort(SortColumn column) {
		this.column = column;
	}

	/** See {@link SortColumn#orderBy}. */
	String orderBy(boolean ascending, String idColumn) {
		return this.column.orderBy(ascending, idColumn);
	}

}
