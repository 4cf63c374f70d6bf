package dev.claimsmith.store;

/**
 * A column an offset-paged list may be sorted by, declared in code (each module's enum of
 * sortable fields), never taken from a request: the enum is the whitelist from a wire's
 * field name to SQL.
 */
public interface SortColumn {

	/** The SQL to order by: a qualified column or a scalar subquery. */
	String expression();

	/** Whether values may be NULL. */
	boolean nullable();

	/**
	 * Whether values are unique and never NULL within any list: the order is total
	 * without a tie-break, and an index on the column serves it alone.
	 */
	boolean unique();

	/**
	 * The {@code ORDER BY} clause, portable between H2 and PostgreSQL: this column, then
	 * {@code idColumn} in the same direction, so that ties (equal values, or NULL) fall
	 * in a fixed order and offset pages never repeat or skip a row. NULL sorts last in
	 * both directions, spelled out because the two databases disagree by default (H2 puts
	 * it first ascending, PostgreSQL last).
	 * @param idColumn the qualified id column of the listed rows, from code
	 */
	default String orderBy(boolean ascending, String idColumn) {
		String direction = ascending ? " ASC" : " DESC";
		StringBuilder clause = new StringBuilder(" ORDER BY ").append(expression()).append(direction);
		if (nullable()) {
			clause.append(" NULLS LAST");
		}
		if (!unique()) {
			clause.append(", ").append(idColumn).append(direction);
		}
		return clause.toString();
	}

}
