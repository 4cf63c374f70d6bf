package dev.claimsmith.template;

import java.util.List;
import java.util.Map;

/**
 * A compiled Clerk shortcode: {@code operand || operand || …}. As Clerk documents, the
 * result is the first operand that is not falsy ({@code null} or {@code false}), or else
 * the last operand, whatever its value. Immutable.
 */
record ClerkExpression(String source, List<Operand> operands) {

	Object evaluate(RenderState state) {
		Object value = null;
		for (int i = 0; i < this.operands.size(); i++) {
			value = this.operands.get(i).resolve(state);
			if (value != null && !Boolean.FALSE.equals(value)) {
				return value;
			}
		}
		return value;
	}

	sealed interface Operand permits ContextPath, Literal, Derived {

		Object resolve(RenderState state);

	}

	/**
	 * A Clerk name mapped onto a path of the Claimsmith context.
	 *
	 * @param clerkName as the template wrote it
	 */
	record ContextPath(String clerkName, Expression.Path path) implements Operand {

		@Override
		public Object resolve(RenderState state) {
			return this.path.resolve(state);
		}

	}

	/** {@code 'text'}, a number, {@code true} or {@code false}. */
	record Literal(Object value) implements Operand {

		@Override
		public Object resolve(RenderState state) {
			return this.value;
		}

	}

	/**
	 * A Clerk name whose value Claimsmith computes from the context (a full name, a role
	 * key) or does not have at all (a phone number: always the same constant).
	 */
	record Derived(String clerkName, ClerkDerived value) implements Operand {

		@Override
		public Object resolve(RenderState state) {
			return this.value.of(state.context());
		}

	}

	/** How a derived value is computed from the context. */
	@FunctionalInterface
	interface ClerkDerived {

		Object of(Map<String, Object> context);

	}

}
