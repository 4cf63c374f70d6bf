package dev.claimsmith.user;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.claimsmith.user.UserMatch.MetadataTerm;
import dev.claimsmith.user.UserMatch.Term;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code public_metadata} part of a {@link UserMatch}, in two steps: a pre-filter in
 * portable SQL (LIKE on the stored compact JSON text, no JSON operators, which H2 and
 * PostgreSQL do not share) that every match passes, then the exact check of the parsed
 * class. The pre-filter may let through users that do not match (a key nested deeper, a
 * number of another value), never the reverse.
 */
final class PublicMetadataSearch {

	private static final JsonMapper JSON_TEXT = JsonMapper.builder().build();

	private PublicMetadataSearch() {
	}

	/**
	 * Appends to {@code where} the pre-filter of {@code terms} on {@code column}, its
	 * parameters (named {@code pm0…}) to {@code params}.
	 */
	static void appendPreFilter(StringBuilder where, Map<String, Object> params, String column,
			List<MetadataTerm> terms) {
		int index = 0;
		for (MetadataTerm term : terms) {
			List<String> patterns = patterns(term);
			where.append(" AND (");
			for (int i = 0; i < patterns.size(); i++) {
				String name = "pm" + index++;
				where.append((i > 0) ? " OR " : "").append(column).append(" LIKE :").append(name).append(" ESCAPE '!'");
				params.put(name, "%" + likeEscaped(patterns.get(i)) + "%");
			}
			where.append(")");
		}
	}

	/** Whether the class {@code publicMetadata} matches every one of {@code terms}. */
	static boolean matches(JsonNode publicMetadata, List<MetadataTerm> terms) {
		return terms.stream().allMatch((term) -> matches(publicMetadata.get(term.key()), term.term()));
	}

	/** An array matches when one of its elements does, as Auth0's search has it. */
	private static boolean matches(JsonNode value, Term term) {
		if (value == null) {
			return false;
		}
		if (value.isArray()) {
			for (JsonNode element : value) {
				if (!element.isArray() && matches(element, term)) {
					return true;
				}
			}
			return false;
		}
		if (value.isString()) {
			return term.prefix() ? value.stringValue().startsWith(term.text())
					: value.stringValue().equals(term.text());
		}
		if (term.prefix()) {
			return false;
		}
		if (value.isBoolean()) {
			return term.text().equals(Boolean.toString(value.booleanValue()));
		}
		BigDecimal number = number(term.text());
		return value.isNumber() && number != null && value.decimalValue().compareTo(number) == 0;
	}

	/**
	 * Fragments of the stored text that any match contains: the string value (or its
	 * start), an array, and for a term that reads as a boolean or number, that value;
	 * numbers have more than one text ({@code 1}, {@code 1.0}, {@code 1E+0}), so for
	 * those the key alone.
	 */
	private static List<String> patterns(MetadataTerm term) {
		String key = JSON_TEXT.writeValueAsString(term.key()) + ":";
		String text = term.term().text();
		if (!term.term().prefix() && number(text) != null) {
			return List.of(key);
		}
		String string = JSON_TEXT.writeValueAsString(text);
		List<String> patterns = new ArrayList<>();
		patterns.add(key + (term.term().prefix() ? string.substring(0, string.length() - 1) : string));
		patterns.add(key + "[");
		if (!term.term().prefix() && (text.equals("true") || text.equals("false"))) {
			patterns.add(key + text);
		}
		return patterns;
	}

	/** {@code text} as a number, or null when it reads as none. */
	private static BigDecimal number(String text) {
		if (text.isEmpty() || !(Character.isDigit(text.charAt(text.length() - 1)))) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
