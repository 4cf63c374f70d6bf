package dev.claimsmith.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.claimsmith.store.Ids;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.ClaimsTemplates;
import dev.claimsmith.template.RenderedClaims;
import dev.claimsmith.template.TemplateWarning;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /jwt_templates/preview}: renders a template (stored, or sent as text or as
 * a JSON object) against a stored user and organization or an inline context, and shows
 * the payload exactly as a mint would sign it. Stores nothing.
 */
@RestController
class PreviewController {

	private static final String INLINE_TEMPLATE = "preview";

	private static final int MAX_ID_LENGTH = 64;

	private static final TypeReference<Map<String, Object>> CONTEXT = new TypeReference<>() {
	};

	private final ClaimsTemplates templates;

	private final TemplateSelection selection;

	private final MintSubjects subjects;

	private final TokenPayloads payloads;

	private final TokenProperties properties;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	PreviewController(ClaimsTemplates templates, TemplateSelection selection, MintSubjects subjects,
			TokenPayloads payloads, TokenProperties properties, JsonMapper jsonMapper, Clock clock) {
		this.templates = templates;
		this.selection = selection;
		this.subjects = subjects;
		this.payloads = payloads;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	@PostMapping(path = "/jwt_templates/preview", produces = "application/json")
	PreviewResponse preview(@RequestBody JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String templateName = reader.optionalString("template_name", 1, MAX_ID_LENGTH).orElse(null);
		String userId = reader.optionalString("user_id", 1, MAX_ID_LENGTH).orElse(null);
		String organizationId = reader.optionalString("organization_id", 1, MAX_ID_LENGTH).orElse(null);
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
		reader.validate();

		ClaimsTemplate template = template(inlineTemplate, templateName);
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(this.properties.lifetimeOf(template.name()));
		String jti = Ids.next("jti");
		if (hasContext) {
			Map<String, Object> context = this.jsonMapper.convertValue(inlineContext, CONTEXT);
			RenderedClaims rendered = this.selection.render(template, context);
			Map<String, Object> payload = this.payloads.payload(text(context, "user", "id"),
					text(context, "organization", "id"), text(context, "organization_membership", "role"),
					permissions(context), null, issuedAt, expiresAt, jti, rendered.claims());
			return PreviewResponse.of(rendered, payload);
		}
		MintSubject subject = this.subjects.load(userId, organizationId);
		RenderedClaims rendered = this.selection.render(template, subject);
		Map<String, Object> payload = this.payloads.payload(subject, null, issuedAt, expiresAt, jti, rendered.claims());
		return PreviewResponse.of(rendered, payload);
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

	private static String text(Map<String, Object> context, String object, String field) {
		return (context.get(object) instanceof Map<?, ?> map && map.get(field) instanceof String value) ? value : null;
	}

	private static List<String> permissions(Map<String, Object> context) {
		if (context.get("organization_membership") instanceof Map<?, ?> map
				&& map.get("permissions") instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	record PreviewResponse(Map<String, Object> claims, Map<String, Object> payload, int sizeBytes,
			List<TemplateWarning> warnings) {

		static PreviewResponse of(RenderedClaims rendered, Map<String, Object> payload) {
			return new PreviewResponse(rendered.claims(), payload, rendered.sizeBytes(), rendered.warnings());
		}

	}

}
