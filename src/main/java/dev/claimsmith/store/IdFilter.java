package dev.claimsmith.store;

import java.util.List;
import java.util.Map;

/**
 * Ids a list keeps and ids it leaves out (Clerk's {@code user_id=+a&user_id=-b}): with
 * any included ids, only rows whose id is one of them; never a row whose id is excluded.
 * Both empty filter nothing.
 *
 * @param included the ids to keep; never null
 * @param excluded the ids to leave out; never null
 */
public record IdFilter(List<String> included, List<String> excluded) {

	/** Filters nothing. */
	public static final IdFilter NONE = new IdFilter(List.of(), List.of());

	public IdFilter {
		included = List.copyOf(included);
		excluded = List.copyOf(excluded);
	}

	/** Keeps only these ids (none: filters nothing). */
	public static IdFilter including(List<String> ids) {
		return new IdFilter(ids, List.of());
	}

	public boolean isEmpty() {
		return this.included.isEmpty() && this.excluded.isEmpty();
	}

	/**
	 * Appends the conditions on {@code column} to a {@code WHERE} clause, with named
	 * parameters {@code <name>In} and {@code <name>Out}.
	 * @param column the qualified column or {@code IN} subject, from code
	 * @param name the parameter name prefix, from code
	 */
	public void appendTo(StringBuilder where, Map<String, Object> params, String column, String name) {
		if (!this.included.isEmpty()) {
			where.append(" AND ").append(column).append(" IN (:").append(name).append("In)");
			params.put(name + "In", this.included);
		}
		if (!this.excluded.isEmpty()) {
			where.append(" AND ").append(column).append(" NOT IN (:").append(name).append("Out)");
			params.put(name + "Out", this.excluded);
		}
	}

}
