package dev.claimsmith.membership;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of memberships may be sorted by (see
 * {@link MembershipService#listActiveByOffset}): the membership's creation or its user's
 * email or names; ties fall by membership id.
 */
public enum MembershipSort {

	CREATED_AT(SortColumn.of("m.created_at")),

	/**
	 * By the user's lower-cased email: unique per user, and a user has one membership per
	 * organization.
	 */
	EMAIL(SortColumn.of("u.email_key")),

	FIRST_NAME(SortColumn.nullable("u.first_name")),

	LAST_NAME(SortColumn.nullable("u.last_name")),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID(SortColumn.unique("m.id"));

	private final SortColumn column;

	MembershipSort(SortColumn column) {
		this.column = column;
	}

	/** See {@link SortColumn#orderBy}. */
	String orderBy(boolean ascending, String idColumn) {
		return this.column.orderBy(ascending, idColumn);
	}

}
