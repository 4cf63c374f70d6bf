package dev.claimsmith.auth0;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Auth0's user search syntax (Lucene) that Claimsmith answers:
 * {@code email:"…"} and {@code app_metadata.<key>:"…"} (exact matches of top-level string
 * values), joined by {@code AND}. Anything else is refused rather than answered wrongly.
 *
 * @param email null when the query names none
 * @param appMetadata key → value, all of which must match
 */
record UserQuery(String email, Map<String, String> appMetadata) {

	private static final int MAX_LENGTH = 1024;

	private static final Pattern TERM = Pattern.compile(
			"\\s*(email|app_metadata\\.([A-Za-z0-9_\\-]{1,128})):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s\"()]+))\\s*");

	private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

	static UserQuery parse(String q) {
		if (q == null || q.isBlank()) {
			return new UserQuery(null, Map.of());
		}
		if (q.length() > MAX_LENGTH) {
			throw Auth0Exception.badQuery("Query is too long.");
		}
		String email = null;
		Map<String, String> appMetadata = new LinkedHashMap<>();
		for (String term : AND.split(q.trim())) {
			Matcher matcher = TERM.matcher(term);
			if (!matcher.matches()) {
				throw Auth0Exception.badQuery("Unsupported query term '" + abbreviate(term)
						+ "': Claimsmith answers email:\"…\" and app_metadata.<key>:\"…\", joined by AND.");
			}
			String value = (matcher.group(3) != null) ? matcher.group(3).replaceAll("\\\\(.)", "$1") : matcher.group(4);
			if (matcher.group(2) != null) {
				appMetadata.put(matcher.group(2), value);
			}
			else if (email != null && !email.equalsIgnoreCase(value)) {
				throw Auth0Exception.badQuery("A user has one email; the query names two.");
			}
			else {
				email = value;
			}
		}
		return new UserQuery(email, appMetadata);
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

}
