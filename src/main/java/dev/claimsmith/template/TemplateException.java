package dev.claimsmith.template;

import java.util.List;

/**
 * A template that does not compile, or a rendering that failed (a failed cast, an object
 * inside a string, claims over the size limit). Carries every error found, each with the
 * JSON pointer of its claim; never a partial result.
 */
public class TemplateException extends RuntimeException {

	private final List<TemplateError> errors;

	TemplateException(List<TemplateError> errors) {
		super(describe(errors), null, false, false);
		this.errors = List.copyOf(errors);
	}

	TemplateException(String path, String message) {
		this(List.of(new TemplateError(path, message)));
	}

	/** Every problem, each with its claim's JSON pointer. */
	public List<TemplateError> errors() {
		return this.errors;
	}

	private static String describe(List<TemplateError> errors) {
		if (errors.isEmpty()) {
			return "Invalid template";
		}
		TemplateError first = errors.get(0);
		String where = first.path().isEmpty() ? "" : first.path() + ": ";
		String more = (errors.size() > 1) ? " (and " + (errors.size() - 1) + " more)" : "";
		return where + first.message() + more;
	}

}
