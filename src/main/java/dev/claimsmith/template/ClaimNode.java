package dev.claimsmith.template;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.Mustache;

/**
 * A compiled template as a tree that mirrors the template's JSON. Rendering builds plain
 * Java values node by node, so context data only ever becomes a value, never JSON text:
 * no value can add a claim or break the document. Nodes are immutable and shared by
 * concurrent renderings. The Clerk dialect's nodes ({@link ClerkNode}) are a second kind
 * of node in the same tree.
 */
sealed interface ClaimNode permits ClaimNode.ObjectNode, ClaimNode.ArrayNode, ClaimNode.LiteralNode,
		ClaimNode.TypedNode, ClaimNode.TextNode, ClerkNode {

	/**
	 * The rendered value; null means "absent" (the key is dropped, or null in an array).
	 */
	Object render(RenderState state);

	record ObjectNode(Map<String, ClaimNode> members) implements ClaimNode {

		@Override
		public Object render(RenderState state) {
			Map<String, Object> claims = new LinkedHashMap<>();
			this.members.forEach((key, node) -> {
				Object value = node.render(state);
				if (value != null) {
					claims.put(key, value);
				}
			});
			return claims;
		}

	}

	record ArrayNode(List<ClaimNode> items) implements ClaimNode {

		@Override
		public Object render(RenderState state) {
			List<Object> values = new ArrayList<>(this.items.size());
			this.items.forEach((item) -> values.add(item.render(state)));
			return values;
		}

	}

	/**
	 * A constant from the template itself: string without tags, number, boolean, null.
	 */
	record LiteralNode(Object value) implements ClaimNode {

		@Override
		public Object render(RenderState state) {
			return this.value;
		}

	}

	/** An unquoted tag: the value keeps its JSON type. */
	record TypedNode(String pointer, Expression expression) implements ClaimNode {

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
	 * A string with tags, compiled once by mustache.java; the result is stripped of
	 * leading and trailing whitespace.
	 */
	record TextNode(String pointer, Mustache mustache) implements ClaimNode {

		@Override
		public Object render(RenderState state) {
			state.at(this.pointer);
			StringWriter text = new StringWriter();
			try {
				this.mustache.execute(new BoundedWriter(text, state.properties().maxStringLength()), state);
			}
			catch (RuntimeException ex) {
				throw new TemplateException(this.pointer, reason(ex));
			}
			catch (StackOverflowError ex) {
				throw new TemplateException(this.pointer, ClaimsTemplate.RENDER_ERROR);
			}
			return text.toString().strip();
		}

		/**
		 * mustache.java wraps what our object handler throws; find our message inside.
		 */
		private static String reason(RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof RenderFailure failure) {
					return failure.getMessage();
				}
			}
			return ClaimsTemplate.RENDER_ERROR;
		}

	}

	/** Stops a runaway section (a long list times a long body) before it eats memory. */
	final class BoundedWriter extends Writer {

		private final StringWriter target;

		private final int maxLength;

		BoundedWriter(StringWriter target, int maxLength) {
			this.target = target;
			this.maxLength = maxLength;
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			if (this.target.getBuffer().length() + length > this.maxLength) {
				throw new RenderFailure("String value is longer than " + this.maxLength + " characters");
			}
			this.target.write(buffer, offset, length);
		}

		@Override
		public void write(String text) {
			write(text.toCharArray(), 0, text.length());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
