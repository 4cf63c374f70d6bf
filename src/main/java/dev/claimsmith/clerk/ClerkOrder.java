package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Clerk's {@code order_by}: a field, with {@code -} in front for descending and {@code +}
 * or nothing for ascending (Clerk's reference: "if you don't use + or -, then + is
 * implied"); {@code -created_at} when absent or blank. Only the first of several
 * {@code order_by} is used, as Clerk does. Each list maps the field names it takes to its
 * sort enum, so that no request text reaches SQL; any other field is a 422.
 *
 * @param <S> the list's sort enum
 */
record ClerkOrder<S>(S sort, boolean ascending) {

	static final String DEFAULT = "-created_at";

	/**
	 * The order the request asks for.
	 * @param fields every field this list takes, to its sort; must include
	 * {@code created_at}
	 */
	static <S> ClerkOrder<S> of(List<String> orderBy, Map<String, S> fields) {
		String value = (orderBy == null || orderBy.isEmpty() || orderBy.get(0).isBlank()) ? DEFAULT : orderBy.get(0);
		// An unencoded "+" in a query string arrives as a space.
		String signed = value.startsWith(" ") ? "+" + value.strip() : value;
		boolean ascending = !signed.startsWith("-");
		String field = (signed.startsWith("-") || signed.startsWith("+")) ? signed.substring(1) : signed;
		S sort = fields.get(field);
		if (sort == null) {
			throw ClerkException.invalidParam("order_by", "order_by must be one of "
					+ String.join(", ", new TreeSet<>(fields.keySet())) + ", with + (ascending) or - in front.");
		}
		return new ClerkOrder<>(sort, ascending);
	}

}
