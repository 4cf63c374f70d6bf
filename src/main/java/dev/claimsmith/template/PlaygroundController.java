package dev.claimsmith.template;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /playground}: the template playground, a static page
 * ({@code static/playground/}) that previews templates through the public API with the
 * API key the developer pastes. Public, like the files it is made of; it holds no data.
 * Its context hints come from {@link ClaimsContextSchema}
 * ({@code /playground/context-schema}), never from a list of its own.
 */
@Controller
class PlaygroundController {

	@GetMapping({ "/playground", "/playground/" })
	String playground() {
		return "forward:/playground/index.html";
	}

	/** What a template may read: the schema, which is no data of anyone's. */
	@GetMapping(path = "/playground/context-schema", produces = "application/json")
	@ResponseBody
	Map<String, Object> contextSchema() {
		return ClaimsContextSchema.get().describe();
	}

}
