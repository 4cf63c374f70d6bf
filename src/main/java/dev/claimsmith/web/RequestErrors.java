package dev.claimsmith.web;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;

/**
 * The one mapping from errors the servlet container raises about a request (a malformed
 * URL, query string or form body, too many parameters, a body over the limit, a path no
 * endpoint serves) to the contract's error shape. Tomcat's error page, the {@code /error}
 * page, the request filter and the exception handler all answer through it, so such
 * requests get a 4xx in one shape wherever they fail.
 */
final class RequestErrors {

	private RequestErrors() {
	}

	/** The contract's body for a bare status (no more specific cause known). */
	static ApiError forStatus(int status) {
		if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return tooLarge();
		}
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		String code = switch (status) {
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			default -> (status >= 400 && status < 500) ? "invalid_request" : "server_error";
		};
		return (status == HttpStatus.BAD_REQUEST.value()) ? invalidRequest("Bad Request: the request is malformed.")
				: new ApiError(code, reason, null);
	}

	/**
	 * Tomcat refusing the query string or form body: 413 for a form body over the limit,
	 * 400 otherwise (malformed percent-encoding, too many parameters, a truncated body).
	 */
	static HttpStatus statusOf(InvalidParameterException ex) {
		return (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? HttpStatus.CONTENT_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
	}

	static ApiError bodyOf(InvalidParameterException ex) {
		return (statusOf(ex) == HttpStatus.CONTENT_TOO_LARGE) ? tooLarge() : invalidRequest(
				"The query string or form body is malformed (bad percent-encoding or too many parameters).");
	}

	/**
	 * The contract's 400, whose {@code errors} names the request itself: no one field is
	 * to blame.
	 */
	private static ApiError invalidRequest(String message) {
		return new ApiError("invalid_request", message,
				List.of(new ApiError.FieldError("request", "invalid_request", message)));
	}

	static ApiError tooLarge() {
		return new ApiError("request_too_large", PayloadTooLargeException.MESSAGE, null);
	}

	static ApiError notFound() {
		return new ApiError("not_found", "No endpoint at this path.", null);
	}

}
