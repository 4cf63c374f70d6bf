package dev.claimsmith.auth0;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.claimsmith.user.UserMatch;
import dev.claimsmith.user.UserMatch.MetadataTerm;
import dev.claimsmith.user.UserMatch.Term;

/**
 * The subset of Auth0's user search syntax (Lucene, search engine v3) that Claimsmith
 * answers: {@code email:…} and {@code app_metadata.<key>:…} (top-level keys), each a
 * quoted phrase or a bare word matched exactly, or a bare word ending in {@code *} (a
 * prefix: Auth0's trailing wildcard), joined by {@code AND}. Emails match
 * case-insensitively, metadata case-sensitively, as on Auth0; a metadata term also
 * matches a number or boolean of that value and an element of an array. Anything else
 * ({@code OR}, {@code NOT}, ranges, {@code ?}, a leading wildcard, fuzzy or boosted
 * terms, other fields) is refused rather than answered wrongly.
 */
final class UserQuery {

	private static final int MAX_LENGTH = 1024;

	private static final Pattern TERM = Pattern.compile(
			"(email|app_metadata\\.([A-Za-z0-9_\\-]{1,128})):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s\"()]+))(\\s+AND\\s+|\\s*$)");

	private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

	/** Characters of Lucene's syntax that no supported bare word holds unescaped. */
	private static final String RESERVED = "?~^[]{}:/\\";

	/** Operators and range starts where a bare word begins. */
	private static final String RESERVED_FIRST = "+-!<>=";

	private static final String SUPPORTED = "Claimsmith answers email:… and app_metadata.<key>:… with a quoted "
			+ "or bare value, or a bare value ending in * (a prefix), joined by AND.";

	private UserQuery() {
	}

	/**
	 * The search {@code q} asks for; every user when it is null or blank.
	 * @throws Auth0Exception 400 {@code invalid_query_string} for anything outside the
	 * subset
	 */
	static UserMatch parse(String q) {
		if (q == null || q.isBlank()) {
			return UserMatch.all();
		}
		if (q.length() > MAX_LENGTH) {
			throw Auth0Exception.badQuery("Query is too long.");
		}
		String query = q.strip();
		Term email = null;
		List<MetadataTerm> appMetadata = new ArrayList<>();
		Matcher matcher = TERM.matcher(query);
		int position = 0;
		while (position < query.length()) {
			if (!matcher.region(position, query.length()).lookingAt()) {
				throw unsupported(query.substring(position));
			}
			Term term = (matcher.group(3) != null) ? Term.exactly(ESCAPE.matcher(matcher.group(3)).replaceAll("$1"))
					: bareWord(matcher.group(4), query.substring(matcher.start(), matcher.end(4)));
			if (matcher.group(2) != null) {
				appMetadata.add(new MetadataTerm(matcher.group(2), term));
			}
			else if (email != null && !sameEmail(email, term)) {
				throw Auth0Exception.badQuery("A user has one email; the query names it twice.");
			}
			else {
				email = term;
			}
			position = matcher.end();
		}
		return new UserMatch(email, appMetadata);
	}

	/**
	 * A bare word as Lucene reads it: {@code \} escapes the next character, a trailing
	 * {@code *} makes a prefix, any other syntax is refused.
	 */
	private static Term bareWord(String word, String term) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '\\' && i + 1 < word.length()) {
				text.append(word.charAt(++i));
			}
			else if (c == '*' && i == word.length() - 1 && !text.isEmpty()) {
				return Term.startingWith(text.toString());
			}
			else if (c == '*') {
				throw Auth0Exception.badQuery("Unsupported wildcard in '" + abbreviate(term)
						+ "': Claimsmith answers a * only at the end of a value, after at least one character.");
			}
			else if (RESERVED.indexOf(c) >= 0 || (i == 0 && RESERVED_FIRST.indexOf(c) >= 0)
					|| ((c == '&' || c == '|') && i + 1 < word.length() && word.charAt(i + 1) == c)) {
				throw unsupported(term);
			}
			else {
				text.append(c);
			}
		}
		return Term.exactly(text.toString());
	}

	private static boolean sameEmail(Term one, Term other) {
		return one.prefix() == other.prefix() && one.text().equalsIgnoreCase(other.text());
	}

	private static Auth0Exception unsupported(String term) {
		return Auth0Exception.badQuery("Unsupported query term '" + abbreviate(term.strip()) + "': " + SUPPORTED);
	}

	private static String abbreviate(String text) {
		String shortened = (text.length() > 64) ? text.substring(0, 64) + "…" : text;
		return shortened.replaceAll("\\p{Cntrl}", "?");
	}

}
