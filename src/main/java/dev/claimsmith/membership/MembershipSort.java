package dev.claimsmith.membership;

import dev.claimsmith.store.SortColumn;

/**
 * What a page of memberships may be sorted by (see
 * {@link MembershipService#listActiveByOffset}): the membership's creation or its user's
 * email or names; ties fall by membership id.
 */
public enum MembershipSort implements SortColumn {

	CREATED_AT("m.created_at", false, false),

	/**
	 * By the user's lower-cased email: unique per user, and a user has one membership per
	 * organization.
	 */
	EMAIL("u.email_key", false, false),

	FIRST_NAME("u.first_name", true, false),

	LAST_NAME("u.last_name", true, false),

	/** By id alone (ULIDs: creation order), the primary key's order. */
	ID("m.id", false, true);

	private final String expression;

	private final boolean nullable;

	private final boolean unique;

	MembershipSort(String expression, boolean nullable, boolean unique) {
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
