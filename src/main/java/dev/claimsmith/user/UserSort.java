package dev.claimsmith.user;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of users may be sorted by (see {@link UserService#listByOffset}); ties fall
 * by id.
 */
public enum UserSort {

	CREATED_AT(SortColumn.of("u.created_at")),

	UPDATED_AT(SortColumn.of("u.updated_at")),

	/**
	 * By the lower-cased email, which is unique: its index serves the order alone.
	 */
	EMAIL(SortColumn.unique("u.email_key")),

	FIRST_NAME(SortColumn.nullable("u.first_name")),

	LAST_NAME(SortColumn.nullable("u.last_name")),

	LAST_SIGN_IN_AT(SortColumn.nullable("u.last_sign_in_at")),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID(SortColumn.unique("u.id"));

	private final SortColumn column;

	UserSort(SortColumn column) {
		this.column = column;
	}

	/** See {@link SortColumn#orderBy}. */
	String orderBy(boolean ascending, String idColumn) {
		return this.column.orderBy(ascending, idColumn);
	}

}
