package dev.claimsmith.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.web.ListRequest;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Keyset pagination over id columns. Ids are ULIDs, so ordering by id is ordering by
 * creation and a cursor stays valid however many rows are inserted meanwhile. The caller
 * gives the filtered id query; this adds the cursor condition, order and limit, and tells
 * whether rows exist on either side of the page.
 */
public final class CursorPager {

	private final NamedParameterJdbcTemplate jdbc;

	public CursorPager(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of ids.
	 * @param selectIds {@code SELECT x.id FROM … WHERE <filters>} (use
	 * {@code WHERE 1 = 1} when there is no filter)
	 * @param idColumn the qualified id column, e.g. {@code x.id}
	 * @param parameters the named parameters of the filters
	 */
	public IdPage page(String selectIds, String idColumn, Map<String, ?> parameters, ListRequest request) {
		boolean backwards = request.before() != null;
		String cursor = backwards ? request.before() : request.after();
		// Walking backwards from a "before" cursor means reading against the list order.
		boolean ascending = request.ascending() != backwards;
		Map<String, Object> params = new HashMap<>(parameters);
		StringBuilder sql = new StringBuilder(selectIds);
		if (cursor != null) {
			sql.append(" AND ").append(idColumn).append(ascending ? " > " : " < ").append(":cursor");
			params.put("cursor", cursor);
		}
		sql.append(" ORDER BY ").append(idColumn).append(ascending ? " ASC" : " DESC").append(" LIMIT :limit");
		params.put("limit", request.limit() + 1);
		List<String> ids = new ArrayList<>(this.jdbc.queryForList(sql.toString(), params, String.class));
		boolean moreBeyond = ids.size() > request.limit();
		if (moreBeyond) {
			ids.remove(ids.size() - 1);
		}
		if (backwards) {
			Collections.reverse(ids);
		}
		if (ids.isEmpty()) {
			return new IdPage(ids, null, null);
		}
		String first = ids.get(0);
		String last = ids.get(ids.size() - 1);
		boolean moreBefore = backwards ? moreBeyond
				: exists(selectIds, idColumn, parameters, first, !request.ascending());
		boolean moreAfter = backwards ? exists(selectIds, idColumn, parameters, last, request.ascending()) : moreBeyond;
		return new IdPage(ids, moreBefore ? first : null, moreAfter ? last : null);
	}

	private boolean exists(String selectIds, String idColumn, Map<String, ?> parameters, String from, boolean greater) {
		Map<String, Object> params = new HashMap<>(parameters);
		params.put("edge", from);
		String sql = selectIds + " AND " + idColumn + (greater ? " > " : " < ") + ":edge LIMIT 1";
		return !this.jdbc.queryForList(sql, params, String.class).isEmpty();
	}

	/** The ids of one page in list order, with the cursors of the pages around it. */
	public record IdPage(List<String> ids, String before, String after) {
	}

}
