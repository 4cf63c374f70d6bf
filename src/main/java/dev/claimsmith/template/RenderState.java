package dev.claimsmith.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one rendering needs: the context, the limits and the warnings collected so
 * far. Created per call to {@link ClaimsTemplate#render}, so never shared between
 * threads.
 */
final class RenderState {

	private final Map<String, Object> context;

	private final TemplateProperties properties;

	private final Set<TemplateWarning> warnings = new LinkedHashSet<>();

	private String pointer = "";

	RenderState(Map<String, Object> context, TemplateProperties properties) {
		this.context = (context != null) ? context : Map.of();
		this.properties = properties;
	}

	Map<String, Object> context() {
		return this.context;
	}

	TemplateProperties properties() {
		return this.properties;
	}

	/** The claim being rendered, for warnings raised while evaluating its expressions. */
	void at(String pointer) {
		this.pointer = pointer;
	}

	void warn(String message) {
		this.warnings.add(new TemplateWarning(this.pointer, message));
	}

	List<TemplateWarning> warnings() {
		return new ArrayList<>(this.warnings);
	}

}
