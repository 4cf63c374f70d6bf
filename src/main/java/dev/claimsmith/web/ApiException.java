package dev.claimsmith.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A client error answered in the contract's error shape. Thrown anywhere below a
 * controller; {@link ApiExceptionHandler} turns it into the response.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<ApiError.FieldError> errors;

	public ApiException(HttpStatus status, String code, String message, List<ApiError.FieldError> errors) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.errors = errors;
	}

	public static ApiException notFound(String entity, String id) {
		return new ApiException(HttpStatus.NOT_FOUND, "entity_not_found",
				"Could not find " + entity + " with id '" + id + "'.", null);
	}

	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, "entity_not_found", message, null);
	}

	public static ApiException badRequest(String code, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, message, null);
	}

	/** A 400 naming one field, e.g. {@code invalid_metadata} naming the offending key. */
	public static ApiException badRequest(String code, String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, message,
				List.of(new ApiError.FieldError(field, code, message)));
	}

	public static ApiException conflict(String code, String message) {
		return new ApiException(HttpStatus.CONFLICT, code, message, null);
	}

	public static ApiException forbidden(String code, String message) {
		return new ApiException(HttpStatus.FORBIDDEN, code, message, null);
	}

	public static ApiException invalidParameters(List<ApiError.FieldError> errors) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_request_parameters",
				"Validation failed: " + errors.get(0).message(), errors);
	}

	public static ApiException invalidParameter(String field, String code, String message) {
		return invalidParameters(List.of(new ApiError.FieldError(field, code, message)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public ApiError body() {
		return new ApiError(this.code, getMessage(), this.errors);
	}

}
