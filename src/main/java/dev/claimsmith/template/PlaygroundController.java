package dev.claimsmith.template;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /playground}: the template playground, a static page
 * ({@code static/playground/}) that previews templates through the public API with the
 * API key the developer pastes. Public, like the files it is made of; it holds no data.
 */
@Controller
class PlaygroundController {

	@GetMapping({ "/playground", "/playground/" })
	String playground() {
		return "forward:/playground/index.html";
	}

}
