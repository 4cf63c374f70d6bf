package dev.claimsmith.template;

import java.util.List;
import java.util.Map;

/**
 * A compiled tag: {@code operand || operand … | filter | filter}. The first operand that
 * is neither null nor missing wins (false and "" are values, not absences); the filters
 * then apply in order. Immutable.
 */
record Expression(String source, List<Operand> operands, List<Filter> filters) {

	Object evaluate(RenderState state) {
		Object value = null;
		for (Operand operand : this.operands) {
			value = operand.resolve(state);
			if (value != null) {
				break;
			}
		}
		for (Filter filter : this.filters) {
			value = filter.apply(value, state.properties());
		}
		return value;
	}

	sealed interface Operand permits Path, Literal {

		Object resolve(RenderState state);

	}

	/**
	 * A dotted path into the context; numeric segments index arrays.
	 *
	 * @param metadataKey whether the path reads a key inside a metadata class, which may
	 * be missing (a warning, not an error)
	 */
	record Path(String text, List<String> segments, boolean metadataKey) implements Operand {

		Path(String text, List<String> segments) {
			this(text, segments, ContextPaths.isMetadataKey(segments));
		}

		@Override
		public Object resolve(RenderState state) {
			Object root = state.context().get(this.segments.get(0));
			Object current = root;
			int i = 1;
			for (; i < this.segments.size() && current != null; i++) {
				current = child(current, this.segments.get(i));
			}
			if (current == null && root != null && this.metadataKey && i > 2) {
				state.warn("Unknown metadata key \"" + this.segments.get(i - 1) + "\" (" + this.text + ")");
			}
			return current;
		}

		/** Whether the value is one the signed-in user can write. */
		boolean isUserWritable() {
			return ContextPaths.isUserWritable(this.segments);
		}

		private static Object child(Object parent, String segment) {
			if (parent instanceof Map<?, ?> map) {
				return map.get(segment);
			}
			if (parent instanceof List<?> list && ContextPaths.isIndex(segment)) {
				int index = Integer.parseInt(segment);
				return (index < list.size()) ? list.get(index) : null;
			}
			return null;
		}

	}

	/** {@code 'text'}, a number, {@code true}, {@code false} or {@code null}. */
	record Literal(Object value) implements Operand {

		@Override
		public Object resolve(RenderState state) {
			return this.value;
		}

	}

}
