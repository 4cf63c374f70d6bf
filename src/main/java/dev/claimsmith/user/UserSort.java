package dev.claimsmith.user;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of users may be sorted by (see {@link UserService#listByOffset}); ties fall
 * by id.
 */
public enum UserSort implements SortColumn {

	CREATED_AT("u.created_at", false, false),

	UPDATED_AT("u.updated_at", false, false),

	/**
	 * By the lower-cased email, which is unique: its index serves the order alone.
	 */
	EMAIL("u.email_key", false, true),

	FIRST_NAME("u.first_name", true, false),

	LAST_NAME("u.last_name", true, false),

	LAST_SIGN_IN_AT("u.last_sign_in_at", true, false),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID("u.id", false, true);

	private final String expression;

	private final boolean nullable;

	private final boolean unique;

	UserSort(String expression, boolean nullable, boolean unique) {
		this.expression = expression;
		this.nullable = nullable;
		this.unique = unique;
	}

	@Override
	public String expression() {
		return this.expression;
	}

	@Override
	public boolean nullable() {
		return this.nullable;
	}

	@Override
	public boolean unique() {
		return this.unique;
	}

}
