package dev.claimsmith.user;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which users a list keeps, as SQL conditions over {@code app_user}: lists of users and
 * of memberships both use it, so a search finds the same users in each. Other modules
 * reading {@code app_user} this way are a named exception to module boundaries (see
 * {@link UserService#list}).
 *
 * @param emails users with any of these emails, compared case-insensitively; empty
 * filters nothing; never null
 * @param query Clerk's free-text {@code query}: part of the email or of the first or last
 * name, case-insensitively, or exactly the id or the external id; null or blank for none
 */
public record UserSearch(List<String> emails, String query) {

	/** Keeps every user. */
	public static final UserSearch NONE = new UserSearch(List.of(), null);

	public UserSearch {
		emails = List.copyOf(emails);
		query = (query != null && !query.isBlank()) ? query.trim() : null;
	}

	/**
	 * Appends the conditions on the {@code app_user} row aliased {@code alias} (from
	 * code) to a {@code WHERE} clause, with their named parameters.
	 */
	public void appendTo(StringBuilder where, Map<String, Object> params, String alias) {
		if (!this.emails.isEmpty()) {
			where.append(" AND ").append(alias).append(".email_key IN (:userEmailKeys)");
			params.put("userEmailKeys", this.emails.stream().map(User::emailKey).toList());
		}
		if (this.query != null) {
			String like = " LIKE :userQueryLike ESCAPE '!'";
			where.append(" AND (")
				.append(alias)
				.append(".email_key")
				.append(like)
				.append(" OR LOWER(")
				.append(alias)
				.append(".first_name)")
				.append(like)
				.append(" OR LOWER(")
				.append(alias)
				.append(".last_name)")
				.append(like)
				.append(" OR ")
				.append(alias)
				.append(".id = :userQueryExact OR ")
				.append(alias)
				.append(".external_id = :userQueryExact)");
			String escaped = this.query.toLowerCase(Locale.ROOT)
				.replace("!", "!!")
				.replace("%", "!%")
				.replace("_", "!_");
			params.put("userQueryLike", "%" + escaped + "%");
			params.put("userQueryExact", this.query);
		}
	}

}
