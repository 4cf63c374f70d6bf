package dev.claimsmith.clerk;

import dev.claimsmith.template.TemplateError;
import dev.claimsmith.template.TemplateException;

/**
 * A template that does not compile or render, in Clerk's envelope: the parameter it
 * concerns ({@code name}, {@code lifetime}, {@code allowed_clock_skew} or {@code claims})
 * and every problem with its claim's JSON pointer.
 */
final class ClerkTemplateErrors {

	private ClerkTemplateErrors() {
	}

	static ClerkException of(TemplateException ex) {
		TemplateError first = ex.errors().isEmpty() ? new TemplateError("", ex.getMessage()) : ex.errors().get(0);
		String message = first.message();
		if (message.startsWith("A template named")) {
			return ClerkException.taken("name", message + ".");
		}
		String param = message.startsWith("Template name") ? "name" : message.startsWith("lifetime") ? "lifetime"
				: message.startsWith("allowed_clock_skew") ? "allowed_clock_skew" : "claims";
		StringBuilder details = new StringBuilder();
		for (TemplateError error : ex.errors()) {
			if (!details.isEmpty()) {
				details.append("; ");
			}
			details.append(error.path().isEmpty() ? "" : error.path() + ": ").append(error.message());
		}
		return ClerkException.invalidParam(param, details.toString());
	}

}
