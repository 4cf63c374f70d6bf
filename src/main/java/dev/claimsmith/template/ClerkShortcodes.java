package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the shortcodes of one string value of a Clerk template: {@code {{…}}} spans
 * among literal text, each {@code operand || operand …} where an operand is a Clerk name
 * ({@link ClerkContext}) or a literal: a single-quoted string, a number, {@code true} or
 * {@code false} (Clerk permits no other literal). Stateless.
 */
final class ClerkShortcodes {

	static final String OPEN = "{{";

	static final String CLOSE = "}}";

	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,17})?");

	private ClerkShortcodes() {
	}

	static boolean hasShortcodes(String text) {
		return text.contains(OPEN);
	}

	/**
	 * The string as literal text (String) and shortcodes ({@link ClerkExpression}), in
	 * order; literal text is never empty.
	 * @throws RenderFailure for an unclosed or invalid shortcode
	 */
	static List<Object> parts(String text) {
		List<Object> parts = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf(OPEN, at);
			if (open < 0) {
				parts.add(text.substring(at));
				break;
			}
			if (open > at) {
				parts.add(text.substring(at, open));
			}
			int close = text.indexOf(CLOSE, open + OPEN.length());
			if (close < 0) {
				throw new RenderFailure("Unclosed shortcode: \"{{\" without \"}}\"");
			}
			parts.add(expression(text.substring(open + OPEN.length(), close)));
			at = close + CLOSE.length();
		}
		return parts;
	}

	static ClerkExpression expression(String source) {
		List<ClerkExpression.Operand> operands = new ArrayList<>();
		for (String operand : split(source)) {
			operands.add(operand(operand.strip()));
		}
		return new ClerkExpression(source.strip(), List.copyOf(operands));
	}

	/** Splits at {@code ||} outside single quotes. */
	private static List<String> split(String source) {
		List<String> operands = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '|' && i + 1 < source.length() && source.charAt(i + 1) == '|') {
				operands.add(source.substring(start, i));
				start = i + 2;
				i++;
			}
		}
		if (quoted) {
			throw new RenderFailure("Unterminated string literal in shortcode \"" + source.strip() + "\"");
		}
		operands.add(source.substring(start));
		return operands;
	}

	private static ClerkExpression.Operand operand(String text) {
		if (text.isEmpty()) {
			throw new RenderFailure("Empty shortcode operand");
		}
		char first = text.charAt(0);
		if (first == '\'') {
			if (text.length() < 2 || text.charAt(text.length() - 1) != '\''
					|| text.indexOf('\'', 1) != text.length() - 1) {
				throw new RenderFailure("Invalid string literal " + text + " in shortcode: use 'single quotes'");
			}
			return new ClerkExpression.Literal(Values.wellFormed(text.substring(1, text.length() - 1)));
		}
		if (first == '"') {
			throw new RenderFailure("String literals in shortcodes use single quotes: " + text);
		}
		if (text.equals("true") || text.equals("false")) {
			return new ClerkExpression.Literal(Boolean.valueOf(text));
		}
		if (text.equals("null")) {
			throw new RenderFailure("Only strings, booleans and numbers are permitted as literals, not null");
		}
		if (first == '-' || Character.isDigit(first)) {
			if (!NUMBER.matcher(text).matches()) {
				throw new RenderFailure("Invalid number " + text + " in shortcode");
			}
			return new ClerkExpression.Literal(text.contains(".") ? new BigDecimal(text) : Long.valueOf(text));
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || "'\"{}|()".indexOf(c) >= 0) {
				throw new RenderFailure("Invalid shortcode \"" + text + "\"");
			}
		}
		return ClerkContext.operand(text);
	}

}
