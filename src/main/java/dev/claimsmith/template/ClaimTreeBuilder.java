package dev.claimsmith.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Walks a template's parsed JSON once, turning each value into its claim node, and notes
 * the claims that look like an authorization decision fed from a value the user can
 * write. What a string means, which keys are allowed and which node kinds hold objects
 * and arrays is the dialect's ({@link TemplateCompiler}, {@link ClerkTemplateCompiler});
 * the walk, the numbers and the warnings are shared. One per compilation, on one thread.
 */
abstract class ClaimTreeBuilder {

	final List<TemplateError> errors;

	final List<TemplateWarning> warnings = new ArrayList<>();

	/** How many tags so far read a user-writable value; the dialect counts them. */
	int userWritableReads;

	ClaimTreeBuilder(List<TemplateError> errors) {
		this.errors = errors;
	}

	final ClaimNode node(JsonNode node, String pointer) {
		if (node.isObject()) {
			Map<String, ClaimNode> members = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				String key = member.getKey();
				String child = TemplateCompiler.pointer(pointer, key);
				checkKey(key, child);
				int readsBefore = this.userWritableReads;
				members.put(key, node(member.getValue(), child));
				if (this.userWritableReads > readsBefore && AuthorizationClaims.looksLikeDecision(key)) {
					this.warnings.add(new TemplateWarning(child, AuthorizationClaims.USER_WRITABLE.formatted(key)));
				}
			}
			return objectNode(members);
		}
		if (node.isArray()) {
			List<ClaimNode> items = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				items.add(node(node.get(i), pointer + "/" + i));
			}
			return arrayNode(List.copyOf(items));
		}
		if (node.isString()) {
			return string(node.stringValue(), pointer);
		}
		if (node.isNumber()) {
			if (!Values.isDoubleRange(node.decimalValue())) {
				return fail(pointer, "Number " + node.decimalValue() + " is outside the range of a double");
			}
			return new ClaimNode.LiteralNode(number(node));
		}
		if (node.isBoolean()) {
			return new ClaimNode.LiteralNode(node.booleanValue());
		}
		return new ClaimNode.LiteralNode(null);
	}

	/** Records an error when {@code key} may not name a claim in this dialect. */
	abstract void checkKey(String key, String pointer);

	abstract ClaimNode objectNode(Map<String, ClaimNode> members);

	abstract ClaimNode arrayNode(List<ClaimNode> items);

	/** The node of a string value: a literal, or what the dialect's tags make of it. */
	abstract ClaimNode string(String text, String pointer);

	/** Records the error; the node stands in so the walk goes on and reports them all. */
	final ClaimNode fail(String pointer, String message) {
		this.errors.add(new TemplateError(pointer, message));
		return new ClaimNode.LiteralNode(null);
	}

	private static Object number(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		BigDecimal decimal = node.decimalValue();
		return decimal;
	}

}
