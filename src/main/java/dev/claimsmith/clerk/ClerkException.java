package dev.claimsmith.clerk;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A client error of the Clerk wire, answered in Clerk's envelope with the status Clerk
 * uses. Thrown below the Clerk controllers; {@link ClerkExceptionHandler} answers it.
 */
final class ClerkException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String shortMessage;

	private final String paramName;

	private ClerkException(HttpStatus status, String code, String shortMessage, String longMessage, String paramName) {
		super(longMessage, null, false, false);
		this.status = status;
		this.code = code;
		this.shortMessage = shortMessage;
		this.paramName = paramName;
	}

	static ClerkException notFound(String what) {
		return new ClerkException(HttpStatus.NOT_FOUND, "resource_not_found", "not found", "No " + what + " was found.",
				null);
	}

	/** A parameter that is malformed or out of bounds: 422 as Clerk answers. */
	static ClerkException invalidParam(String param, String longMessage) {
		return new ClerkException(HttpStatus.UNPROCESSABLE_CONTENT, "form_param_format_invalid", "is invalid",
				longMessage, param);
	}

	static ClerkException missingParam(String param) {
		return new ClerkException(HttpStatus.UNPROCESSABLE_CONTENT, "form_param_missing", "missing data",
				param + " must be included.", param);
	}

	static ClerkException unknownParam(String param) {
		return new ClerkException(HttpStatus.UNPROCESSABLE_CONTENT, "form_param_unknown", "is unknown",
				param + " is not a valid parameter for this request.", param);
	}

	/** A value another object already holds (an email, a slug, an external id). */
	static ClerkException taken(String param, String longMessage) {
		return new ClerkException(HttpStatus.UNPROCESSABLE_CONTENT, "form_identifier_exists", "is taken", longMessage,
				param);
	}

	static ClerkException of(HttpStatus status, String code, String shortMessage, String longMessage,
			String paramName) {
		return new ClerkException(status, code, shortMessage, longMessage, paramName);
	}

	HttpStatus status() {
		return this.status;
	}

	ClerkErrorBody body() {
		Map<String, Object> meta = (this.paramName != null) ? Map.of("param_name", this.paramName) : Map.of();
		return ClerkErrorBody.of(this.code, this.shortMessage, getMessage(), meta);
	}

}
