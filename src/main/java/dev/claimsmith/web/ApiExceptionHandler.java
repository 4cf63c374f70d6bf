package dev.claimsmith.web;

import java.util.List;
import java.util.Set;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the contract's error shape. Bad input is a 4xx naming what was
 * wrong; only a genuine server fault is a 500, logged here with its stack trace and
 * answered without one. Runs after feature modules' own handlers (its catch-all would
 * otherwise shadow them).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> api(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.body());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return payloadTooLarge();
		}
		return api(ApiException.invalidParameter("body", "invalid_json", unreadableReason(ex)));
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ApiError> tooLarge(PayloadTooLargeException ex) {
		return payloadTooLarge();
	}

	/** Tomcat refusing the query string or form body, first read by an endpoint. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ApiError> invalidParameters(InvalidParameterException ex) {
		return ResponseEntity.status(RequestErrors.statusOf(ex)).body(RequestErrors.bodyOf(ex));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return api(ApiException.invalidParameter(ex.getParameterName(), "required",
				ex.getParameterName() + " is required."));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException ex) {
		return api(ApiException.invalidParameter(ex.getHeaderName(), "required", ex.getHeaderName() + " is required."));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return api(ApiException.invalidParameter(ex.getName(), "invalid_type", ex.getName() + " has the wrong type."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		// An endpoint that consumes one type names it (merge patches); the others read
		// any
		// JSON converter's types, of which application/json is the one to name.
		List<MediaType> supported = ex.getSupportedMediaTypes();
		String expected = (supported.size() == 1 && supported.get(0).isConcrete()) ? supported.get(0).toString()
				: "application/json";
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
				"Send the request body as " + expected + ".");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return error(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint answers application/json.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		// RFC 9110 §15.5.6: a 405 must list the methods the resource does support.
		Set<HttpMethod> allowed = (ex.getSupportedHttpMethods() != null) ? ex.getSupportedHttpMethods() : Set.of();
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(allowed.toArray(HttpMethod[]::new))
			.body(new ApiError("method_not_allowed", "Method " + ex.getMethod() + " is not allowed here.", null));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "not_found", "No endpoint at this path.");
	}

	/** Row locks or versions that stayed contended after the service's retries. */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<ApiError> concurrency(ConcurrencyFailureException ex) {
		return error(HttpStatus.CONFLICT, "concurrent_update",
				"The object was changed by a concurrent request; retry the request.");
	}

	/**
	 * A constraint that no service translated: still the client's conflict, not our
	 * fault.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ApiError> integrity(DataIntegrityViolationException ex) {
		return error(HttpStatus.CONFLICT, "conflict", "The request conflicts with the current state of the data.");
	}

	/**
	 * The database unreachable or too slow (see {@link DatabaseUnavailable}); also when
	 * wrapped, below.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ApiError> databaseUnavailable(Exception ex) {
		return DatabaseUnavailable.response(ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		if (DatabaseUnavailable.isCause(ex)) {
			// Wrapped, e.g. by Spring Data JDBC's DbActionExecutionException.
			return DatabaseUnavailable.response(ex);
		}
		logger.error("Unexpected error", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "An unexpected error occurred.");
	}

	private static String unreadableReason(HttpMessageNotReadableException ex) {
		if (causedBy(ex, StreamConstraintsException.class)) {
			return "The request body exceeds a JSON limit (nesting depth, string or number length).";
		}
		if (causedBy(ex, UnpairedSurrogates.UnpairedSurrogateException.class)) {
			return "The request body is not valid JSON: a string holds an unpaired UTF-16 surrogate.";
		}
		return "The request body is missing or is not valid JSON.";
	}

	private static ResponseEntity<ApiError> payloadTooLarge() {
		return error(HttpStatus.CONTENT_TOO_LARGE, "request_too_large", PayloadTooLargeException.MESSAGE);
	}

	private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(new ApiError(code, message, null));
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
