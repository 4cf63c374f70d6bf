package dev.claimsmith.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks the tags inside one template string before mustache.java sees it, so that every
 * problem gets a precise message and the claim's pointer, and so that the mustache
 * features we refuse (partials, inheritance, delimiter changes, unescaped output,
 * pragmas) never reach the engine.
 */
final class StringTags {

	static final String MISSING_CLOSE = "Template parse error: missing '}}'";

	private StringTags() {
	}

	static boolean hasTags(String text) {
		return text.contains("{{");
	}

	/**
	 * Adds one error per offending tag to {@code errors}, with {@code pointer}; sections
	 * nested deeper than {@code maxDepth} are one error, and end the check (mustache.java
	 * compiles and renders sections recursively, so depth must stay bounded).
	 */
	static void check(String text, String pointer, List<TemplateError> errors, int maxDepth) {
		Deque<String> sections = new ArrayDeque<>();
		int position = 0;
		while (true) {
			int open = text.indexOf("{{", position);
			if (open < 0) {
				break;
			}
			if (text.startsWith("{{{", open)) {
				errors.add(new TemplateError(pointer,
						"Triple mustache {{{…}}} is not allowed: values are never escaped, use {{ … }}"));
				int close = text.indexOf("}}}", open);
				position = (close < 0) ? text.length() : close + 3;
				continue;
			}
			int close = text.indexOf("}}", open + 2);
			if (close < 0) {
				errors.add(new TemplateError(pointer, MISSING_CLOSE));
				return;
			}
			String tag = text.substring(open + 2, close).trim();
			position = close + 2;
			String problem = checkTag(tag, sections);
			if (problem != null) {
				errors.add(new TemplateError(pointer, problem));
			}
			if (sections.size() > maxDepth) {
				errors.add(new TemplateError(pointer, "Sections are nested deeper than " + maxDepth + " levels"));
				return;
			}
		}
		if (!sections.isEmpty()) {
			errors.add(new TemplateError(pointer,
					"Template parse error: section {{#" + sections.peek() + "}} is not closed"));
		}
	}

	/**
	 * The expressions of the value tags and section tags of a string that passed
	 * {@link #check}, in order ({@code .}, comments and closing tags have none).
	 */
	static List<String> expressions(String text) {
		List<String> expressions = new ArrayList<>();
		int position = 0;
		while (true) {
			int open = text.indexOf("{{", position);
			int close = (open < 0) ? -1 : text.indexOf("}}", open + 2);
			if (close < 0) {
				return expressions;
			}
			String tag = text.substring(open + 2, close).trim();
			position = close + 2;
			if (tag.startsWith("#") || tag.startsWith("^")) {
				expressions.add(tag.substring(1).trim());
			}
			else if (!tag.isEmpty() && !tag.equals(".") && "/!".indexOf(tag.charAt(0)) < 0) {
				expressions.add(tag);
			}
		}
	}

	private static String checkTag(String tag, Deque<String> sections) {
		if (tag.isEmpty()) {
			return ExpressionParser.EMPTY;
		}
		String name = tag.substring(1).trim();
		switch (tag.charAt(0)) {
			case '#', '^' -> {
				sections.push(name);
				return expressionProblem(name);
			}
			case '/' -> {
				if (sections.isEmpty() || !sections.peek().equals(name)) {
					return "Template parse error: unexpected {{/" + name + "}}";
				}
				sections.pop();
				return null;
			}
			case '!' -> {
				return null;
			}
			case '>' -> {
				return "Partials ({{> …}}) are not allowed";
			}
			case '<', '$' -> {
				return "Template inheritance ({{< …}}, {{$ …}}) is not allowed";
			}
			case '=' -> {
				return "Delimiter changes ({{= … =}}) are not allowed";
			}
			case '&' -> {
				return "Unescaped tags ({{& …}}) are not allowed: values are never escaped, use {{ … }}";
			}
			case '%', '*', '?', '+' -> {
				return "Invalid expression segment: \"" + tag + "\"";
			}
			default -> {
				if (tag.equals(".")) {
					return sections.isEmpty() ? "Invalid path: \".\" (only inside a section)" : null;
				}
				return expressionProblem(tag);
			}
		}
	}

	private static String expressionProblem(String expression) {
		try {
			ExpressionParser.parse(expression);
			return null;
		}
		catch (RenderFailure ex) {
			return ex.getMessage();
		}
	}

}
