package dev.claimsmith.token;

import java.util.Map;

import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.ClaimsTemplates;
import dev.claimsmith.template.RenderedClaims;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Picks the template a mint or preview names ({@code default} when none) and renders it.
 */
@Component
class TemplateSelection {

	static final String DEFAULT = "default";

	private final ClaimsTemplates templates;

	TemplateSelection(ClaimsTemplates templates) {
		this.templates = templates;
	}

	ClaimsTemplate named(String name) {
		String chosen = (name == null || name.isBlank()) ? DEFAULT : name;
		return this.templates.find(chosen)
			.orElseThrow(() -> ApiException.notFound("Could not find JWT template '" + chosen + "'."));
	}

	RenderedClaims render(ClaimsTemplate template, MintSubject subject) {
		return render(template, ClaimsContext.of(subject));
	}

	/**
	 * Render-time template errors propagate as the template module's exception (a 422).
	 */
	RenderedClaims render(ClaimsTemplate template, Map<String, Object> context) {
		return template.render(context);
	}

}
