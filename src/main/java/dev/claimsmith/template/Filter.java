package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A filter after a pipe: typed casts ({@code number}, {@code boolean}, {@code string})
 * and mappings ({@code lower}, {@code upper}, {@code split(',')}). Null passes through
 * every filter untouched, so {@code ||} fallbacks and key removal still work; a value
 * that cannot be cast is an error, never a silently wrong claim.
 * <p>
 * A new filter is one record here and one row in {@link #SYNTAX}, which both the parser
 * and its "unknown filter" message read.
 */
// Sealed without a permits clause: its records are all in this file.
sealed interface Filter {

	/** Every filter by name, in the order the "unknown filter" message lists them. */
	Map<String, Syntax> SYNTAX = Syntax.table(Syntax.plain("number", new ToNumber()),
			Syntax.plain("boolean", new ToBoolean()), Syntax.plain("string", new ToText()),
			Syntax.plain("lower", new Lower()), Syntax.plain("upper", new Upper()),
			new Syntax("split", "split(',')", Split::parse));

	/** The filtered value; null stays null. */
	default Object apply(Object value, TemplateProperties limits) {
		return (value != null) ? applyTo(value, limits) : null;
	}

	Object applyTo(Object value, TemplateProperties limits);

	/**
	 * The filter named {@code name}, its arguments read from {@code arguments}.
	 * @throws RenderFailure for an unknown name or bad arguments
	 */
	static Filter parse(String name, Arguments arguments) {
		Syntax syntax = SYNTAX.get(name);
		if (syntax == null) {
			throw new RenderFailure("Unknown filter \"" + name + "\" (use " + Syntax.usages() + ")");
		}
		return syntax.parser().parse(arguments);
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

	private static String quoted(Object value) {
		if (value instanceof String text) {
			String shown = (text.length() > 40) ? text.substring(0, 40) + "…" : text;
			return "\"" + shown + "\"";
		}
		return Values.isScalar(value) ? String.valueOf(value) : "an object or array";
	}

	/** What follows a filter's name in the expression, read on demand. */
	@FunctionalInterface
	interface Arguments {

		/**
		 * A parenthesized quoted argument, as in {@code ('x')}; null when no quote
		 * follows the opening parenthesis.
		 * @throws RenderFailure when a parenthesis is missing or the quote unterminated
		 */
		String quoted();

	}

	/** Reads a filter's arguments (if any) after its name. */
	@FunctionalInterface
	interface Parser {

		Filter parse(Arguments arguments);

	}

	/**
	 * How a filter is written.
	 *
	 * @param name what follows the pipe
	 * @param usage how the "unknown filter" message shows it
	 * @param parser reads its arguments
	 */
	record Syntax(String name, String usage, Parser parser) {

		static Syntax plain(String name, Filter filter) {
			return new Syntax(name, name, (arguments) -> filter);
		}

		static Map<String, Syntax> table(Syntax... rows) {
			Map<String, Syntax> table = new LinkedHashMap<>();
			for (Syntax row : rows) {
				table.put(row.name(), row);
			}
			return Collections.unmodifiableMap(table);
		}

		/** {@code number, boolean, … or split(',')}. */
		static String usages() {
			List<String> usages = SYNTAX.values().stream().map(Syntax::usage).toList();
			return String.join(", ", usages.subList(0, usages.size() - 1)) + " or " + usages.get(usages.size() - 1);
		}

	}

	/** {@code number}: a number, or text in JSON number syntax. */
	record ToNumber() implements Filter {

		private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

		private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

		private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
			if (value instanceof Number) {
				return Values.plain(value, 0);
			}
			if (value instanceof String text && text.length() <= 100 && JSON_NUMBER.matcher(text.trim()).matches()) {
				BigDecimal number = decimal(text.trim());
				if (number == null || !Values.isDoubleRange(number)) {
					throw new RenderFailure(
							"Cannot cast " + quoted(value) + " to number: outside the range of a double");
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

	}

	/** {@code boolean}: a boolean, or the text {@code true} or {@code false}. */
	record ToBoolean() implements Filter {

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
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

	}

	/** {@code string}: any value as text. */
	record ToText() implements Filter {

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
			return Values.text(value);
		}

	}

	/** {@code lower}: text, or each item of an array, in lower case. */
	record Lower() implements Filter {

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
			return map(value, (text) -> text.toLowerCase(Locale.ROOT));
		}

	}

	/** {@code upper}: text, or each item of an array, in upper case. */
	record Upper() implements Filter {

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
			return map(value, (text) -> text.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * {@code split(',')}: text cut at each separator into trimmed, non-empty items, at
	 * most {@code max-split-items} of them.
	 *
	 * @param separator never empty
	 */
	record Split(String separator) implements Filter {

		static Split parse(Arguments arguments) {
			String separator = arguments.quoted();
			if (separator == null) {
				throw new RenderFailure("split needs a quoted separator, as in split(',')");
			}
			if (separator.isEmpty()) {
				throw new RenderFailure("split needs a non-empty separator, as in split(',')");
			}
			return new Split(separator);
		}

		@Override
		public Object applyTo(Object value, TemplateProperties limits) {
			String text = Values.text(value);
			int maxItems = limits.maxSplitItems();
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

	}

}
