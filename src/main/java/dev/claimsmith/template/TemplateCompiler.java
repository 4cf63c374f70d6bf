package dev.claimsmith.template;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles template text, or the JSON-object form of a template, into an immutable
 * {@link ClaimsTemplate}: typed tags become markers, the JSON is parsed strictly
 * (duplicate keys rejected), each string with tags is checked and compiled once by
 * mustache.java. Collects every error rather than stopping at the first. Thread-safe.
 */
final class TemplateCompiler {

	static final int MAX_DEPTH = 16;

	private final JsonMapper json;

	private final TemplateProperties properties;

	TemplateProperties properties() {
		return this.properties;
	}

	TemplateCompiler(TemplateProperties properties) {
		this.properties = properties;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		this.json = JsonMapper.builder(factory)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
	}

	ClaimsTemplate compile(String name, String text) {
		if (text.length() > this.properties.maxTemplateBytes()) {
			throw new TemplateException("", "Template is larger than " + this.properties.maxTemplateBytes() + " bytes");
		}
		TypedTags typed = TypedTags.of(text);
		JsonNode root = parse(typed.json());
		return build(name, text, root, typed);
	}

	ClaimsTemplate compile(String name, JsonNode template) {
		return build(name, this.json.writeValueAsString(template), template, null);
	}

	private JsonNode parse(String text) {
		JsonParser parser = this.json.createParser(text);
		try (parser) {
			return this.json.readTree(parser);
		}
		catch (JacksonException ex) {
			String pointer = parser.streamReadContext().pathAsPointer().toString();
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
			throw new TemplateException(pointer,
					"Template parse error: " + reason(ex) + ((line > 0) ? " (line " + line + ")" : ""));
		}
	}

	/** Jackson's message without its source description, which only says "REDACTED". */
	static String reason(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int source = message.indexOf(" (start marker at");
		return (source < 0) ? message : message.substring(0, source);
	}

	private ClaimsTemplate build(String name, String source, JsonNode root, TypedTags typed) {
		List<TemplateError> errors = new ArrayList<>();
		if (root == null || !root.isObject() || root.isEmpty()) {
			throw new TemplateException("",
					"Template must render to an object with at least one explicitly defined top-level key");
		}
		List<String> reserved = new ArrayList<>();
		for (String key : root.propertyNames()) {
			if (ReservedClaims.isReserved(key)) {
				reserved.add(key);
			}
		}
		for (String key : reserved) {
			errors.add(new TemplateError(pointer("", key), "Keys reserved (" + String.join(", ", ReservedClaims.NAMES)
					+ ") cannot be set by a template: \"" + key + "\""));
		}
		DefaultMustacheFactory mustaches = ClaimsObjectHandler.factory();
		NodeBuilder builder = new NodeBuilder(typed, mustaches, errors, this.properties.maxSectionDepth());
		ClaimNode tree = builder.node(root, "");
		if (!errors.isEmpty()) {
			throw new TemplateException(errors);
		}
		ClaimsTemplate template = new ClaimsTemplate(name, source, (ClaimNode.ObjectNode) tree, this.properties,
				builder.warnings);
		renderSample(template);
		return template;
	}

	/**
	 * Renders once against a sample context, so a template the engine cannot render at
	 * all is refused here rather than failing every mint. Errors that depend on the data
	 * (a failed cast, claims over the size limit) are the data's, not the template's:
	 * they stay errors of the rendering that meets them.
	 */
	static void renderSample(ClaimsTemplate template) {
		try {
			template.render(SampleContext.of());
		}
		catch (TemplateException ex) {
			if (ex.errors().stream().anyMatch((error) -> error.message().equals(ClaimsTemplate.RENDER_ERROR))) {
				throw ex;
			}
		}
	}

	static String pointer(String parent, String key) {
		return parent + "/" + key.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * WorkOS's strings: mustache tags among text, and the typed tags a pre-pass turned
	 * into markers.
	 */
	private static final class NodeBuilder extends ClaimTreeBuilder {

		private final TypedTags typed;

		private final DefaultMustacheFactory mustaches;

		private final int maxSectionDepth;

		NodeBuilder(TypedTags typed, DefaultMustacheFactory mustaches, List<TemplateError> errors,
				int maxSectionDepth) {
			super(errors);
			this.typed = typed;
			this.mustaches = mustaches;
			this.maxSectionDepth = maxSectionDepth;
		}

		@Override
		void checkKey(String key, String pointer) {
			if (StringTags.hasTags(key) || (this.typed != null && this.typed.isMarker(key))) {
				this.errors.add(new TemplateError(pointer, "Tags are not allowed in keys"));
			}
		}

		@Override
		ClaimNode objectNode(Map<String, ClaimNode> members) {
			return new ClaimNode.ObjectNode(Map.copyOf(members).isEmpty() ? Map.of() : members);
		}

		@Override
		ClaimNode arrayNode(List<ClaimNode> items) {
			return new ClaimNode.ArrayNode(items);
		}

		@Override
		ClaimNode string(String text, String pointer) {
			if (this.typed != null && this.typed.isMarker(text)) {
				String tag = this.typed.tags().get(this.typed.index(text));
				return typed(tag, pointer);
			}
			if (!StringTags.hasTags(text)) {
				return new ClaimNode.LiteralNode(text);
			}
			int before = this.errors.size();
			StringTags.check(text, pointer, this.errors, this.maxSectionDepth);
			if (this.errors.size() > before) {
				return new ClaimNode.LiteralNode(null);
			}
			for (String expression : StringTags.expressions(text)) {
				noteReads(ExpressionParser.parse(expression));
			}
			try {
				Mustache mustache = this.mustaches.compile(new StringReader(text), pointer);
				return new ClaimNode.TextNode(pointer, mustache);
			}
			catch (RuntimeException | StackOverflowError ex) {
				// Checked above, so not expected; still the template's fault, never a
				// 500.
				return fail(pointer, "Template parse error");
			}
		}

		private ClaimNode typed(String tag, String pointer) {
			if (tag == null) {
				return fail(pointer, StringTags.MISSING_CLOSE);
			}
			String trimmed = tag.trim();
			if (trimmed.startsWith("{")) {
				return fail(pointer, "Triple mustache {{{…}}} is not allowed: values are never escaped, use {{ … }}");
			}
			if (!trimmed.isEmpty() && "#^/!><$=&%".indexOf(trimmed.charAt(0)) >= 0) {
				List<TemplateError> tagErrors = new ArrayList<>();
				StringTags.check("{{" + tag + "}}", pointer, tagErrors, this.maxSectionDepth);
				String message = tagErrors.isEmpty() ? "Sections are only allowed inside strings"
						: tagErrors.get(0).message();
				return fail(pointer, message);
			}
			try {
				Expression expression = ExpressionParser.parse(tag);
				noteReads(expression);
				return new ClaimNode.TypedNode(pointer, expression);
			}
			catch (RenderFailure ex) {
				return fail(pointer, ex.getMessage());
			}
		}

		private void noteReads(Expression expression) {
			for (Expression.Operand operand : expression.operands()) {
				if (operand instanceof Expression.Path path && path.isUserWritable()) {
					this.userWritableReads++;
				}
			}
		}

	}

}
