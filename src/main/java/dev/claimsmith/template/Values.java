package dev.claimsmith.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns context values into the plain JSON-like Java values a claim may hold, and into
 * text for tags inside strings. Copies, so a rendered claim never aliases caller data.
 */
final class Values {

	static final String OBJECT_IN_STRING = "String encapsulated expression cannot contain object reference";

	private Values() {
	}

	/** A deep copy limited to {@code maxDepth} levels of nesting. */
	static Object plain(Object value, int maxDepth) {
		if (value == null || value instanceof Boolean || value instanceof Long) {
			return value;
		}
		if (value instanceof BigDecimal decimal) {
			if (!isDoubleRange(decimal)) {
				throw new RenderFailure("Number " + decimal + " is outside the range of a double");
			}
			return decimal;
		}
		if (value instanceof String text) {
			return wellFormed(text);
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				throw new RenderFailure("Number " + number + " cannot be written as JSON");
			}
			return number;
		}
		if (value instanceof BigInteger integer) {
			return plain(new BigDecimal(integer), maxDepth);
		}
		if (maxDepth <= 0) {
			throw new RenderFailure("Value is nested too deeply");
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(wellFormed(String.valueOf(key)), plain(item, maxDepth - 1)));
			return copy;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> copy = new ArrayList<>(collection.size());
			collection.forEach((item) -> copy.add(plain(item, maxDepth - 1)));
			return copy;
		}
		throw new RenderFailure("Unsupported value of type " + value.getClass().getSimpleName());
	}

	/** The text of a scalar; objects and arrays have none. */
	static String text(Object value) {
		if (value instanceof String text) {
			return wellFormed(text);
		}
		if (value instanceof Map || value instanceof Collection) {
			throw new RenderFailure(OBJECT_IN_STRING);
		}
		Object plain = plain(value, 0);
		return (plain instanceof BigDecimal decimal) ? decimal.toString() : String.valueOf(plain);
	}

	/**
	 * Whether a verifier parsing the number as an IEEE-754 double (as JSON libraries
	 * commonly do) reads it: not infinite, and not a non-zero number that becomes zero.
	 */
	static boolean isDoubleRange(BigDecimal number) {
		double value = number.doubleValue();
		return Double.isFinite(value) && (value != 0 || number.signum() == 0);
	}

	static boolean isScalar(Object value) {
		return !(value instanceof Map || value instanceof Collection);
	}

	/**
	 * Replaces unpaired surrogates (which JSON request bodies can smuggle in as an
	 * escaped lone surrogate) with U+FFFD, so every rendered string is valid UTF-8.
	 */
	static String wellFormed(String text) {
		StringBuilder fixed = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (paired) {
				if (fixed != null) {
					fixed.append(c).append(text.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				if (fixed == null) {
					fixed = new StringBuilder(text.length()).append(text, 0, i);
				}
				fixed.append('\uFFFD');
			}
			else if (fixed != null) {
				fixed.append(c);
			}
		}
		return (fixed != null) ? fixed.toString() : text;
	}

}
