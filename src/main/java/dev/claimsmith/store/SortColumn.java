package dev.claimsmith.store;

/**
 * A column an offset-paged list may be sorted by, declared in code (each module's enum of
 * sortable fields holds one), never taken from a request: the enum is the whitelist from
 * a wire's field name to SQL.
 *
 * @param expression the SQL to order by: a qualified column or a scalar subquery
 * @param nullable whether values may be NULL
 * @param unique whether values are unique and never NULL within any list: the order is
 * total without a tie-break, and an index on the column serves it alone
 */
public record SortColumn(String expression, boolean nullable, boolean unique) {

	/** A column that is never NULL and may repeat. */
	public static SortColumn of(String expression) {
		return new SortColumn(expression, false, false);
	}

	/** A column that may be NULL and repeat. */
	public static SortColumn nullable(String expression) {
		return new SortColumn(expression, true, false);
	}

	/** A column whose values are unique and never NULL. */
	public static SortColumn unique(String expression) {
		return new SortColumn(expression, false, true);
	}

	/**
	 * The {@code ORDER BY} clause, portable between H2 and PostgreSQL: this column, then
	 * {@code idColumn} in the same direction, so that ties (equal values, or NULL) fall
	 * in a fixed order and offset pages never repeat or skip a row. NULL sorts last in
	 * both directions, spelled out because the two databases disagree by default (H2 puts
	 * it first ascending, PostgreSQL last).
	 * @param idColumn the qualified id column of the listed rows, from code
	 */
	public String orderBy(boolean ascending, String idColumn) {
		String direction = ascending ? " ASC" : " DESC";
		StringBuilder clause = new StringBuilder(" ORDER BY ").append(this.expression).append(direction);
		if (this.nullable) {
			clause.append(" NULLS LAST");
		}
		if (!this.unique) {
			clause.append(", ").append(idColumn).append(direction);
		}
		return clause.toString();
	}

}
