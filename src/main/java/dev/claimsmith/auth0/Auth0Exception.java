package dev.claimsmith.auth0;

import org.springframework.http.HttpStatus;

/**
 * A refusal in Auth0's terms, answered as
 * {@code {"statusCode","error","message","errorCode"}} by {@link Auth0ExceptionHandler}.
 */
class Auth0Exception extends RuntimeException {

	private final HttpStatus status;

	private final String errorCode;

	Auth0Exception(HttpStatus status, String errorCode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.errorCode = errorCode;
	}

	static Auth0Exception badRequest(String message) {
		return new Auth0Exception(HttpStatus.BAD_REQUEST, "invalid_body", message);
	}

	static Auth0Exception badQuery(String message) {
		return new Auth0Exception(HttpStatus.BAD_REQUEST, "invalid_query_string", message);
	}

	static Auth0Exception userNotFound() {
		return new Auth0Exception(HttpStatus.NOT_FOUND, "inexistent_user", "The user does not exist.");
	}

	static Auth0Exception organizationNotFound() {
		return new Auth0Exception(HttpStatus.NOT_FOUND, "inexistent_organization",
				"No organization found by that id or name");
	}

	static Auth0Exception forbidden(String message) {
		return new Auth0Exception(HttpStatus.FORBIDDEN, "insufficient_scope", message);
	}

	HttpStatus status() {
		return this.status;
	}

	String errorCode() {
		return this.errorCode;
	}

}
