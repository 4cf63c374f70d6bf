package dev.claimsmith.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles a template in Clerk's dialect into a {@link ClaimsTemplate}: the claims are a
 * JSON object (comments allowed, as in Clerk's own examples; duplicate keys refused)
 * whose string values may be shortcodes. Every shortcode name is checked against
 * {@link ClerkContext} when the template is compiled, so a typo is an error with its
 * pointer, never a silent {@code null}. The limits are those of every template
 * ({@link TemplateProperties}), and the template is rendered once against a sample before
 * it is accepted. Collects every error rather than stopping at the first. Thread-safe.
 */
final class ClerkTemplateCompiler {

	/**
	 * Clerk's bounds and defaults for {@code lifetime} and {@code allowed_clock_skew}.
	 */
	static final Duration MIN_LIFETIME = Duration.ofSeconds(30);

	static final Duration MAX_LIFETIME = Duration.ofSeconds(315_360_000);

	static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

	static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(300);

	static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

	private final JsonMapper json;

	private final TemplateProperties properties;

	ClerkTemplateCompiler(TemplateProperties properties) {
		this.properties = properties;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(TemplateCompiler.MAX_DEPTH).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
			.build();
		this.json = JsonMapper.builder(factory)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
	}

	/**
	 * Compiles one Clerk template.
	 * @param claims the claims object as JSON text
	 * @param lifetime the tokens' lifetime (30 s to 10 years), or null for Clerk's 60 s
	 * @param allowedClockSkew 0 to 300 s, or null for Clerk's 5 s
	 * @throws TemplateException listing every problem, each with its claim's pointer
	 */
	ClaimsTemplate compile(String name, String claims, Duration lifetime, Duration allowedClockSkew) {
		if (claims.length() > this.properties.maxTemplateBytes()) {
			throw new TemplateException("", "Template is larger than " + this.properties.maxTemplateBytes() + " bytes");
		}
		List<TemplateError> errors = new ArrayList<>();
		TokenSettings settings = settings(lifetime, allowedClockSkew, errors);
		JsonNode root = parse(claims);
		if (root == null || !root.isObject() || root.isEmpty()) {
			throw new TemplateException("", "Claims must be a JSON object with at least one claim");
		}
		for (String key : root.propertyNames()) {
			if (ClerkReservedClaims.CLERK_DEFAULTS.contains(key)) {
				errors.add(new TemplateError(TemplateCompiler.pointer("", key),
						"Claim \"" + key + "\" is one of Clerk's default claims ("
								+ String.join(", ", ClerkReservedClaims.CLERK_DEFAULTS)
								+ "), which a template cannot set"));
			}
			else if (ClerkReservedClaims.FINGERPRINT.equals(key)) {
				errors.add(new TemplateError(TemplateCompiler.pointer("", key), "Claim \"" + key
						+ "\" is Claimsmith's claims fingerprint (introspection's claims_stale), which a template cannot set"));
			}
		}
		NodeBuilder builder = new NodeBuilder(errors);
		ClerkNode.ObjectNode tree = (ClerkNode.ObjectNode) builder.node(root, "");
		if (!errors.isEmpty()) {
			throw new TemplateException(errors);
		}
		ClaimsTemplate template = new ClaimsTemplate(name, this.json.writeValueAsString(root), tree,
				tree.members().keySet(), this.properties, builder.warnings, settings);
		TemplateCompiler.renderSample(template);
		return template;
	}

	private static TokenSettings settings(Duration lifetime, Duration skew, List<TemplateError> errors) {
		Duration life = (lifetime != null) ? lifetime : DEFAULT_LIFETIME;
		Duration clockSkew = (skew != null) ? skew : DEFAULT_CLOCK_SKEW;
		if (life.compareTo(MIN_LIFETIME) < 0 || life.compareTo(MAX_LIFETIME) > 0) {
			errors.add(new TemplateError("", "lifetime must be between " + MIN_LIFETIME.toSeconds() + " and "
					+ MAX_LIFETIME.toSeconds() + " seconds, not " + life.toSeconds()));
		}
		if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
			errors.add(new TemplateError("", "allowed_clock_skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds()
					+ " seconds, not " + clockSkew.toSeconds()));
		}
		return new TokenSettings(TemplateDialect.CLERK, life, clockSkew);
	}

	private JsonNode parse(String text) {
		JsonParser parser = this.json.createParser(text);
		try (parser) {
			return this.json.readTree(parser);
		}
		catch (JacksonException ex) {
			String pointer = parser.streamReadContext().pathAsPointer().toString();
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
			throw new TemplateException(pointer, "Template parse error: " + TemplateCompiler.reason(ex)
					+ ((line > 0) ? " (line " + line + ")" : ""));
		}
	}

	/** Clerk's strings: shortcodes, whole or among text. */
	private static final class NodeBuilder extends ClaimTreeBuilder {

		NodeBuilder(List<TemplateError> errors) {
			super(errors);
		}

		@Override
		void checkKey(String key, String pointer) {
			if (ClerkShortcodes.hasShortcodes(key)) {
				this.errors.add(new TemplateError(pointer, "Shortcodes are not allowed in claim names"));
			}
		}

		@Override
		ClaimNode objectNode(Map<String, ClaimNode> members) {
			return new ClerkNode.ObjectNode(members);
		}

		@Override
		ClaimNode arrayNode(List<ClaimNode> items) {
			return new ClaimNode.ArrayNode(items);
		}

		@Override
		ClaimNode string(String text, String pointer) {
			if (!ClerkShortcodes.hasShortcodes(text)) {
				return new ClaimNode.LiteralNode(Values.wellFormed(text));
			}
			List<Object> parts;
			try {
				parts = ClerkShortcodes.parts(text);
			}
			catch (RenderFailure ex) {
				return fail(pointer, ex.getMessage());
			}
			for (Object part : parts) {
				if (part instanceof ClerkExpression expression) {
					note(expression, pointer);
				}
			}
			if (parts.size() == 1 && parts.get(0) instanceof ClerkExpression expression) {
				return new ClerkNode.ShortcodeNode(pointer, expression);
			}
			return new ClerkNode.InterpolationNode(pointer, List.copyOf(parts));
		}

		private void note(ClerkExpression expression, String pointer) {
			for (ClerkExpression.Operand operand : expression.operands()) {
				if (operand instanceof ClerkExpression.ContextPath path && path.path().isUserWritable()) {
					this.userWritableReads++;
				}
				if (operand instanceof ClerkExpression.Derived derived) {
					ClerkContext.warning(derived.clerkName())
						.ifPresent((message) -> this.warnings.add(new TemplateWarning(pointer, message)));
				}
			}
		}

	}

}
