package dev.claimsmith.auth0;

import java.util.List;

import dev.claimsmith.metadata.InvalidMetadataException;
import dev.claimsmith.selfservice.NotSignedInException;
import dev.claimsmith.selfservice.SelfWriteThrottledException;
import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the Auth0 wire in Auth0's envelope
 * {@code {"statusCode","error","message","errorCode"}}, with the status Auth0 uses:
 * Claimsmith's own refusals (WorkOS codes) are translated, bad JSON and bad parameters
 * are 400s, nothing a client sends is a 500. Scoped to this package and ordered before
 * the global handlers, which keep the other wires' shapes.
 */
@RestControllerAdvice(basePackageClasses = Auth0ExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Auth0ExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(Auth0ExceptionHandler.class);

	@ExceptionHandler(Auth0Exception.class)
	ResponseEntity<Auth0Error> auth0(Auth0Exception ex) {
		return error(ex.status(), ex.getMessage(), ex.errorCode());
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Auth0Error> api(ApiException ex, HandlerMethod handler) {
		ApiError body = ex.body();
		String message = detailed(body);
		return switch (ex.code()) {
			case "entity_not_found" -> isUsers(handler) ? auth0(Auth0Exception.userNotFound())
					: error(HttpStatus.NOT_FOUND, message, "inexistent_entity");
			case "email_not_available" -> error(HttpStatus.CONFLICT, "The user already exists.", "user_exists");
			case "invalid_request_parameters", "invalid_metadata" ->
				error(HttpStatus.BAD_REQUEST, "Payload validation error: " + message, "invalid_body");
			default -> error(ex.status(), message, ex.code());
		};
	}

	@ExceptionHandler(InvalidMetadataException.class)
	ResponseEntity<Auth0Error> metadata(InvalidMetadataException ex) {
		return error(HttpStatus.BAD_REQUEST, "Payload validation error: " + ex.getMessage(), "invalid_body");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Auth0Error> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "Invalid request payload JSON format", "invalid_body");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Auth0Error> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.",
				"unsupported_media_type");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Auth0Error> missingParameter(MissingServletRequestParameterException ex) {
		return error(HttpStatus.BAD_REQUEST,
				"Query validation error: 'Missing required property: " + ex.getParameterName() + "'.",
				"invalid_query_string");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Auth0Error> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST, "Query validation error: '" + ex.getName() + "' has the wrong type.",
				"invalid_query_string");
	}

	@ExceptionHandler(NotSignedInException.class)
	ResponseEntity<Auth0Error> notSignedIn(NotSignedInException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.body(Auth0Error.of(HttpStatus.UNAUTHORIZED, ex.getMessage(), "invalid_token"));
	}

	@ExceptionHandler(SelfWriteThrottledException.class)
	ResponseEntity<Auth0Error> throttled(SelfWriteThrottledException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(Auth0Error.of(HttpStatus.TOO_MANY_REQUESTS,
					"Too many updates; retry after " + ex.retryAfterSeconds() + " seconds.", "too_many_requests"));
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Auth0Error> concurrency(ConcurrencyFailureException ex) {
		return error(HttpStatus.CONFLICT, "The object was changed by a concurrent request; retry the request.",
				"concurrent_update");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Auth0Error> integrity(DataIntegrityViolationException ex) {
		return error(HttpStatus.CONFLICT, "The request conflicts with the current state of the data.", "conflict");
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<Auth0Error> unavailable(Exception ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Auth0Error.of(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry shortly.",
					"temporarily_unavailable"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Auth0Error> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", "server_error");
	}

	private static boolean isUsers(HandlerMethod handler) {
		return handler != null && handler.getBeanType() == Auth0UserController.class;
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

}
