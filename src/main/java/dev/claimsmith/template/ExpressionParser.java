package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the inside of a tag: {@code path ( "||" (path | literal) )* ( "|" filter )*}.
 * Literals are {@code 'single-quoted'} or {@code "double-quoted"} (as in WorkOS's own
 * docs; a backslash escapes the next character), numbers, {@code true}, {@code false} and
 * {@code null}. Errors are {@link RenderFailure}s whose message the compiler files under
 * the claim's pointer.
 */
final class ExpressionParser {

	static final String EMPTY = "Expression cannot be empty";

	private static final Pattern NUMBER = Pattern
		.compile("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?");

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_:-]{1,128}");

	private final String text;

	private int position;

	private ExpressionParser(String text) {
		this.text = text;
	}

	static Expression parse(String text) {
		return new ExpressionParser(text).expression();
	}

	private Expression expression() {
		skipSpaces();
		if (atEnd()) {
			throw new RenderFailure(EMPTY);
		}
		List<Expression.Operand> operands = new ArrayList<>();
		operands.add(operand());
		skipSpaces();
		while (this.text.startsWith("||", this.position)) {
			this.position += 2;
			skipSpaces();
			if (atEnd() || peek() == '|') {
				throw new RenderFailure(EMPTY);
			}
			operands.add(operand());
			skipSpaces();
		}
		List<Filter> filters = new ArrayList<>();
		while (!atEnd() && peek() == '|') {
			this.position++;
			skipSpaces();
			filters.add(filter());
			skipSpaces();
		}
		if (!atEnd()) {
			throw invalidSegment(this.text.substring(this.position).trim());
		}
		return new Expression(this.text.trim(), List.copyOf(operands), List.copyOf(filters));
	}

	private Expression.Operand operand() {
		if (isQuote(peek())) {
			return new Expression.Literal(quoted());
		}
		String word = word();
		if (word.isEmpty()) {
			throw invalidSegment(this.text.substring(this.position).trim());
		}
		switch (word) {
			case "true":
				return new Expression.Literal(Boolean.TRUE);
			case "false":
				return new Expression.Literal(Boolean.FALSE);
			case "null":
				return new Expression.Literal(null);
			default:
		}
		if (NUMBER.matcher(word).matches()) {
			return new Expression.Literal(number(word));
		}
		return path(word);
	}

	private static Expression.Path path(String word) {
		List<String> segments = Arrays.asList(word.split("\\.", -1));
		for (String segment : segments) {
			if (!SEGMENT.matcher(segment).matches()) {
				throw invalidSegment(word);
			}
		}
		if (!ContextPaths.isAllowed(segments)) {
			throw new RenderFailure("Invalid path: \"" + word + "\"");
		}
		return new Expression.Path(word, List.copyOf(segments));
	}

	private Filter filter() {
		String name = word();
		if (name.isEmpty()) {
			throw new RenderFailure(EMPTY);
		}
		return Filter.parse(name, this::parenthesizedQuote);
	}

	/** {@link Filter.Arguments#quoted()}: {@code ( 'text' )}. */
	private String parenthesizedQuote() {
		skipSpaces();
		expect('(');
		skipSpaces();
		if (atEnd() || !isQuote(peek())) {
			return null;
		}
		String text = quoted();
		skipSpaces();
		expect(')');
		return text;
	}

	private String quoted() {
		StringBuilder value = new StringBuilder();
		char quote = this.text.charAt(this.position++);
		while (!atEnd()) {
			char c = this.text.charAt(this.position++);
			if (c == quote) {
				return value.toString();
			}
			if (c == '\\' && !atEnd()) {
				c = this.text.charAt(this.position++);
			}
			value.append(c);
		}
		throw new RenderFailure("Invalid expression segment: unterminated string literal");
	}

	/** Runs up to whitespace, a pipe or a parenthesis. */
	private String word() {
		int start = this.position;
		while (!atEnd() && !Character.isWhitespace(peek()) && "|()'\"".indexOf(peek()) < 0) {
			this.position++;
		}
		return this.text.substring(start, this.position);
	}

	private static boolean isQuote(char c) {
		return c == '\'' || c == '"';
	}

	private static Object number(String word) {
		BigDecimal number = new BigDecimal(word);
		if (word.indexOf('.') < 0 && word.indexOf('e') < 0 && word.indexOf('E') < 0) {
			try {
				return number.longValueExact();
			}
			catch (ArithmeticException ex) {
				return number;
			}
		}
		return number;
	}

	private void expect(char c) {
		if (atEnd() || peek() != c) {
			throw invalidSegment(this.text.substring(this.position).trim());
		}
		this.position++;
	}

	private static RenderFailure invalidSegment(String segment) {
		return new RenderFailure("Invalid expression segment: \"" + segment + "\"");
	}

	private void skipSpaces() {
		while (!atEnd() && Character.isWhitespace(peek())) {
			this.position++;
		}
	}

	private char peek() {
		return this.text.charAt(this.position);
	}

	private boolean atEnd() {
		return this.position >= this.text.length();
	}

}
