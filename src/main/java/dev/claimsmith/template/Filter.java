package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A filter after a pipe: typed casts ({@code number}, {@code boolean}, {@code string})
 * and mappings ({@code lower}, {@code upper}, {@code split(',')}). Null passes through
 * every filter untouched, so {@code ||} fallbacks and key removal still work; a value
 * that cannot be cast is an error, never a silently wrong claim.
 */
record Filter(Kind kind, String separator) {

	private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	enum Kind {

		NUMBER, BOOLEAN, STRING, LOWER, UPPER, SPLIT

	}

	Object apply(Object value, TemplateProperties limits) {
		if (value == null) {
			return null;
		}
		return switch (this.kind) {
			case NUMBER -> toNumber(value);
			case BOOLEAN -> toBoolean(value);
			case STRING -> Values.text(value);
			case LOWER -> map(value, (text) -> text.toLowerCase(Locale.ROOT));
			case UPPER -> map(value, (text) -> text.toUpperCase(Locale.ROOT));
			case SPLIT -> split(Values.text(value), limits.maxSplitItems());
		};
	}

	private static Object toNumber(Object value) {
		if (value instanceof Number) {
			return Values.plain(value, 0);
		}
		if (value instanceof String text && text.length() <= 100 && JSON_NUMBER.matcher(text.trim()).matches()) {
			BigDecimal number = decimal(text.trim());
			if (number == null || !Values.isDoubleRange(number)) {
				throw new RenderFailure("Cannot cast " + quoted(value) + " to number: outside the range of a double");
			}
			boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
			if (integral && number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0) {
				return number.longValueExact();
			}
			return number;
		}
		throw new RenderFailure("Cannot cast " + quoted(value) + " to number");
	}

	/** Null for an exponent beyond what BigDecimal holds ("1e99999999999"). */
	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Object toBoolean(Object value) {
		if (value instanceof Boolean) {
			return value;
		}
		if (value instanceof String text) {
			String trimmed = text.trim();
			if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
				return Boolean.valueOf(trimmed);
			}
		}
		throw new RenderFailure("Cannot cast " + quoted(value) + " to boolean");
	}

	private static Object map(Object value, UnaryOperator<String> mapping) {
		if (value instanceof List<?> list) {
			List<Object> mapped = new ArrayList<>(list.size());
			for (Object item : list) {
				mapped.add((item != null) ? mapping.apply(Values.text(item)) : null);
			}
			return mapped;
		}
		return mapping.apply(Values.text(value));
	}

	private List<Object> split(String text, int maxItems) {
		List<Object> items = new ArrayList<>();
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf(this.separator, start);
			if (end < 0) {
				end = text.length();
			}
			String item = text.substring(start, end).trim();
			if (!item.isEmpty()) {
				if (items.size() == maxItems) {
					throw new RenderFailure(
							"split('" + this.separator + "') produced more than " + maxItems + " items");
				}
				items.add(item);
			}
			start = end + this.separator.length();
		}
		return items;
	}

	private static String quoted(Object value) {
		if (value instanceof String text) {
			String shown = (text.length() > 40) ? text.substring(0, 40) + "…" : text;
			return "\"" + shown + "\"";
		}
		return Values.isScalar(value) ? String.valueOf(value) : "an object or array";
	}

}
