package dev.claimsmith.template;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Templates over HTTP: Claimsmith's {@code /jwt_templates} listing, and WorkOS's
 * {@code /user_management/jwt_template} for the default template.
 */
@RestController
class TemplateController {

	private final ClaimsTemplates templates;

	private final int maxContentLength;

	TemplateController(ClaimsTemplates templates, TemplateProperties properties) {
		this.templates = templates;
		this.maxContentLength = properties.maxTemplateBytes();
	}

	@GetMapping("/jwt_templates")
	TemplateList list() {
		return new TemplateList("list", this.templates.files().stream().map(TemplateController::view).toList());
	}

	@GetMapping("/jwt_templates/{name}")
	TemplateView get(@PathVariable String name) {
		return view(file(name));
	}

	@GetMapping("/user_management/jwt_template")
	WorkosTemplate getDefault() {
		return workos(file(ClaimsTemplates.DEFAULT));
	}

	@PutMapping("/user_management/jwt_template")
	WorkosTemplate putDefault(@RequestBody(required = false) JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String content = reader.requiredString("content", 1, this.maxContentLength);
		reader.validate();
		return workos(this.templates.replace(ClaimsTemplates.DEFAULT, content));
	}

	private TemplateFile file(String name) {
		return this.templates.file(name)
			.orElseThrow(() -> ApiException.notFound("Could not find JWT template '" + name + "'."));
	}

	private static TemplateView view(TemplateFile file) {
		return new TemplateView("jwt_template", file.name(), file.content(), file.valid(), file.errors(),
				file.warnings(), timestamp(file.updatedAt()), file.dialect().jsonName(),
				(file.storedId() != null) ? "database" : "file", file.storedId());
	}

	private static WorkosTemplate workos(TemplateFile file) {
		return new WorkosTemplate("jwt_template", file.content(), timestamp(file.createdAt()),
				timestamp(file.updatedAt()));
	}

	private static String timestamp(Instant instant) {
		return Timestamps.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	record TemplateList(String object, List<TemplateView> data) {
	}

	record TemplateView(String object, String name, String content, boolean valid, List<TemplateError> errors,
			List<TemplateWarning> warnings, String updatedAt, String dialect, String storage, String id) {
	}

	record WorkosTemplate(String object, String content, String createdAt, String updatedAt) {
	}

}
