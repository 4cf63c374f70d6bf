package dev.claimsmith.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a template in Clerk's dialect, rendered as Clerk documents: a claim whose
 * value is null stays in the token as {@code null} (Clerk's {@code "surname": null}),
 * where Claimsmith's own dialect drops the key. Arrays are {@link ClaimNode.ArrayNode},
 * the same in both.
 */
sealed interface ClerkNode extends ClaimNode {

	/** An object whose members are kept even when they render null. */
	record ObjectNode(Map<String, ClaimNode> members) implements ClerkNode {

		@Override
		public Object render(RenderState state) {
			Map<String, Object> claims = new LinkedHashMap<>();
			this.members.forEach((key, node) -> claims.put(key, node.render(state)));
			return claims;
		}

	}

	/**
	 * A string that is one shortcode and nothing else: the value keeps its type (an
	 * object, a number, a boolean or null).
	 */
	record ShortcodeNode(String pointer, ClerkExpression expression) implements ClerkNode {

		@Override
		public Object render(RenderState state) {
			state.at(this.pointer);
			try {
				return Values.plain(this.expression.evaluate(state), state.properties().maxValueDepth());
			}
			catch (RenderFailure ex) {
				throw new TemplateException(this.pointer, ex.getMessage());
			}
		}

	}

	/**
	 * A string with shortcodes among text: always text, a null value written {@code null}
	 * as Clerk does ({@code "null John"}), the whole stripped of leading and trailing
	 * whitespace.
	 *
	 * @param parts literal text (String) and shortcodes ({@link ClerkExpression}), in
	 * order
	 */
	record InterpolationNode(String pointer, List<Object> parts) implements ClerkNode {

		@Override
		public Object render(RenderState state) {
			state.at(this.pointer);
			int max = state.properties().maxStringLength();
			StringBuilder text = new StringBuilder();
			try {
				for (Object part : this.parts) {
					if (part instanceof ClerkExpression expression) {
						Object value = expression.evaluate(state);
						text.append((value != null) ? Values.text(value) : "null");
					}
					else {
						text.append((String) part);
					}
					if (text.length() > max) {
						throw new RenderFailure("String value is longer than " + max + " characters");
					}
				}
			}
			catch (RenderFailure ex) {
				throw new TemplateException(this.pointer, ex.getMessage());
			}
			return Values.wellFormed(text.toString().strip());
		}

	}

}
