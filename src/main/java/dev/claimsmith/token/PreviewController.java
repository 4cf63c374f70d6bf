package dev.claimsmith.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.template.ClaimsContextSchema;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.ClaimsTemplates;
import dev.claimsmith.template.TemplateDialect;
import dev.claimsmith.template.TemplateWarning;
import dev.claimsmith.user.UserId;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /jwt_templates/preview}: renders a template (stored, or sent as text or as
 * a JSON object) against a stored user and organization or an inline context checked
 * against {@link ClaimsContextSchema}, and shows the payload exactly as a mint would sign
 * it (the same {@link TokenDrafts} recipe). A draft may be in Clerk's dialect
 * ({@code "dialect": "clerk"}, with its {@code lifetime} and {@code allowed_clock_skew}).
 * Stores nothing.
 */
@RestController
class PreviewController {

	private static final String INLINE_TEMPLATE = "preview";

	private static final int MAX_ID_LENGTH = 64;

	private static final TypeReference<Map<String, Object>> CONTEXT = new TypeReference<>() {
	};

	// Decimals as exact as the stored classes read them (template/JsonClasses).
	private static final JsonMapper CONTEXT_READER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final ClaimsTemplates templates;

	private final TemplateSelection selection;

	private final MintSubjects subjects;

	private final TokenDrafts drafts;

	PreviewController(ClaimsTemplates templates, TemplateSelection selection, MintSubjects subjects,
			TokenDrafts drafts) {
		this.templates = templates;
		this.selection = selection;
		this.subjects = subjects;
		this.drafts = drafts;
	}

	@PostMapping(path = "/jwt_templates/preview", produces = "application/json")
	PreviewResponse preview(@RequestBody JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String templateName = reader.optionalString("template_name", 1, MAX_ID_LENGTH).orElse(null);
		UserId userId = reader.optionalString("user_id", 1, MAX_ID_LENGTH).map(UserId::new).orElse(null);
		OrganizationId organizationId = reader.optionalString("organization_id", 1, MAX_ID_LENGTH)
			.map(OrganizationId::new)
			.orElse(null);
		String dialect = reader.optionalString("dialect", 1, 16).orElse(TemplateDialect.CLAIMSMITH.jsonName());
		if (!dialect.equals(TemplateDialect.CLAIMSMITH.jsonName())
				&& !dialect.equals(TemplateDialect.CLERK.jsonName())) {
			reader.fail("dialect", "invalid_value", "dialect must be claimsmith or clerk.");
		}
		Duration lifetime = seconds(reader, "lifetime");
		Duration clockSkew = seconds(reader, "allowed_clock_skew");
		JsonNode inlineTemplate = reader.node("template");
		JsonNode inlineContext = reader.node("context");
		if (inlineTemplate != null && !inlineTemplate.isNull() && !inlineTemplate.isString()
				&& !inlineTemplate.isObject()) {
			reader.fail("template", "invalid_type", "template must be a string (template text) or an object.");
		}
		if (inlineContext != null && !inlineContext.isNull() && !inlineContext.isObject()) {
			reader.fail("context", "invalid_type", "context must be an object.");
		}
		boolean hasContext = inlineContext != null && inlineContext.isObject();
		if (!hasContext && userId == null) {
			reader.fail("user_id", "required", "Give user_id (and optionally organization_id) or an inline context.");
		}
		Map<String, Object> context = null;
		if (hasContext) {
			Map<String, String> problems = new LinkedHashMap<>();
			context = ClaimsContextSchema.get().inline(CONTEXT_READER.convertValue(inlineContext, CONTEXT), problems);
			problems.forEach((field, message) -> reader.fail(field, "invalid_type", message));
		}
		reader.validate();

		boolean clerk = TemplateDialect.CLERK.jsonName().equals(dialect) && inlineTemplate != null
				&& !inlineTemplate.isNull();
		ClaimsTemplate template = clerk ? clerk(inlineTemplate, lifetime, clockSkew)
				: template(inlineTemplate, templateName);
		MintSubject subject = (context != null) ? MintSubject.inline(context)
				: this.subjects.load(userId, organizationId);
		return PreviewResponse.of(this.drafts.forPreview(template, subject), subject);
	}

	/** A draft in Clerk's dialect: the claims as an object, or as its JSON text. */
	private ClaimsTemplate clerk(JsonNode inline, Duration lifetime, Duration clockSkew) {
		String claims = inline.isString() ? inline.stringValue() : inline.toString();
		return this.templates.compileClerk(INLINE_TEMPLATE, claims, lifetime, clockSkew);
	}

	private static Duration seconds(JsonObjectReader reader, String field) {
		JsonNode node = reader.node(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			reader.fail(field, "invalid_type", field + " must be a whole number of seconds.");
			return null;
		}
		return Duration.ofSeconds(node.longValue());
	}

	private ClaimsTemplate template(JsonNode inline, String name) {
		if (inline != null && inline.isString()) {
			return this.templates.compile(INLINE_TEMPLATE, inline.stringValue());
		}
		if (inline != null && inline.isObject()) {
			return this.templates.compile(INLINE_TEMPLATE, inline);
		}
		return this.selection.named(name);
	}

	/**
	 * The preview, with the claims context it rendered from ({@code context}: the stored
	 * user, organization and membership as templates see them, or the inline context with
	 * only schema fields), so the playground can show a stored membership and edit it as
	 * an inline context.
	 */
	record PreviewResponse(Map<String, Object> claims, Map<String, Object> payload, int sizeBytes,
			List<TemplateWarning> warnings, Map<String, Object> context) {

		static PreviewResponse of(TokenDraft draft, MintSubject subject) {
			return new PreviewResponse(draft.rendered().claims(), draft.payload(), draft.rendered().sizeBytes(),
					draft.warnings(), subject.context());
		}

	}

}
