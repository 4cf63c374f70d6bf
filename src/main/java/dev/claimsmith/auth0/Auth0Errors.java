package dev.claimsmith.auth0;

import java.util.List;
import java.util.Set;

import dev.claimsmith.metadata.InvalidMetadataException;
import dev.claimsmith.selfservice.NotSignedInException;
import dev.claimsmith.selfservice.SelfWriteThrottledException;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.DatabaseUnavailable;
import dev.claimsmith.web.PayloadTooLargeException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one mapping from a failure on the Auth0 wire to Auth0's envelope
 * {@code {"statusCode","error","message","errorCode"}} and the status Auth0 uses:
 * Claimsmith's own refusals (WorkOS codes) are translated, bad JSON and bad parameters
 * are 400s, a body over the limit a 413, nothing a client sends is a 500; a genuine fault
 * is a 500 without details, logged here. Answers both the wire's controllers
 * ({@link Auth0ExceptionHandler}) and the failures on {@code /api/v2/…} that reach none
 * of them ({@link Auth0ErrorFormat}).
 */
final class Auth0Errors {

	private static final Logger logger = LoggerFactory.getLogger(Auth0Errors.class);

	private Auth0Errors() {
	}

	/**
	 * Auth0's answer to {@code ex}.
	 * @param usersEndpoint whether the failure is of {@code /api/v2/users…}, where a
	 * missing object is Auth0's {@code inexistent_user}
	 */
	static ResponseEntity<Auth0Error> answer(Exception ex, boolean usersEndpoint) {
		if (ex instanceof Auth0Exception auth0) {
			return error(auth0.status(), auth0.getMessage(), auth0.errorCode());
		}
		if (ex instanceof ApiException api) {
			return fromApi(api, usersEndpoint);
		}
		if (ex instanceof InvalidMetadataException invalid) {
			return error(HttpStatus.BAD_REQUEST, "Payload validation error: " + invalid.getMessage(), "invalid_body");
		}
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return error(HttpStatus.CONTENT_TOO_LARGE, PayloadTooLargeException.MESSAGE, "request_too_large");
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return error(HttpStatus.BAD_REQUEST, "Invalid request payload JSON format", "invalid_body");
		}
		if (ex instanceof InvalidParameterException) {
			return error(HttpStatus.BAD_REQUEST,
					"The query string or form body is malformed (bad percent-encoding or too many parameters).",
					"invalid_query_string");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return error(HttpStatus.BAD_REQUEST,
					"Query validation error: 'Missing required property: " + missing.getParameterName() + "'.",
					"invalid_query_string");
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return error(HttpStatus.BAD_REQUEST,
					"Query validation error: '" + mismatch.getName() + "' has the wrong type.", "invalid_query_string");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.",
					"unsupported_media_type");
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return error(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers application/json.", "not_acceptable");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			// RFC 9110 §15.5.6: a 405 lists the methods the resource supports.
			Set<HttpMethod> allowed = (method.getSupportedHttpMethods() != null) ? method.getSupportedHttpMethods()
					: Set.of();
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(allowed.toArray(HttpMethod[]::new))
				.body(Auth0Error.of(HttpStatus.METHOD_NOT_ALLOWED,
						"Method " + method.getMethod() + " is not allowed here.", "method_not_allowed"));
		}
		if (ex instanceof NoResourceFoundException) {
			return error(HttpStatus.NOT_FOUND, "No endpoint at this path.", "not_found");
		}
		if (ex instanceof NotSignedInException) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
				.body(Auth0Error.of(HttpStatus.UNAUTHORIZED, ex.getMessage(), "invalid_token"));
		}
		if (ex instanceof SelfWriteThrottledException throttled) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
				.body(Auth0Error.of(HttpStatus.TOO_MANY_REQUESTS,
						"Too many updates; retry after " + throttled.retryAfterSeconds() + " seconds.",
						"too_many_requests"));
		}
		if (ex instanceof ConcurrencyFailureException) {
			return error(HttpStatus.CONFLICT, "The object was changed by a concurrent request; retry the request.",
					"concurrent_update");
		}
		if (DatabaseUnavailable.isCause(ex)) {
			DatabaseUnavailable.log(ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
				.body(Auth0Error.of(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry shortly.",
						"temporarily_unavailable"));
		}
		if (ex instanceof DataIntegrityViolationException) {
			return error(HttpStatus.CONFLICT, "The request conflicts with the current state of the data.", "conflict");
		}
		logger.error("Unexpected error on the Auth0 wire", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", "server_error");
	}

	private static ResponseEntity<Auth0Error> fromApi(ApiException ex, boolean usersEndpoint) {
		String message = detailed(ex.body());
		return switch (ex.code()) {
			case "entity_not_found" -> usersEndpoint ? answer(Auth0Exception.userNotFound(), true)
					: error(HttpStatus.NOT_FOUND, message, "inexistent_entity");
			case "email_not_available" -> error(HttpStatus.CONFLICT, "The user already exists.", "user_exists");
			case "invalid_request_parameters", "invalid_metadata" ->
				error(HttpStatus.BAD_REQUEST, "Payload validation error: " + message, "invalid_body");
			default -> error(ex.status(), message, ex.code());
		};
	}

	/** The message, and the first field error's message when there is one. */
	private static String detailed(ApiError body) {
		List<ApiError.FieldError> errors = body.errors();
		if (errors == null || errors.isEmpty()) {
			return body.message();
		}
		return errors.get(0).message();
	}

	private static ResponseEntity<Auth0Error> error(HttpStatus status, String message, String errorCode) {
		return ResponseEntity.status(status).body(Auth0Error.of(status, message, errorCode));
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
