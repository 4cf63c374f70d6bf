package dev.claimsmith.token;

import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.ClaimsTemplates;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Picks the template a mint or preview names ({@link ClaimsTemplates#DEFAULT} when none).
 */
@Component
class TemplateSelection {

	private final ClaimsTemplates templates;

	TemplateSelection(ClaimsTemplates templates) {
		this.templates = templates;
	}

	ClaimsTemplate named(String name) {
		String chosen = (name == null || name.isBlank()) ? ClaimsTemplates.DEFAULT : name;
		return this.templates.find(chosen)
			.orElseThrow(() -> ApiException.notFound("Could not find JWT template '" + chosen + "'."));
	}

}
