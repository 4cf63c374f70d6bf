package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.claimsmith.metadata.InvalidMetadataException;
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
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one mapping from a failure on the Clerk wire to Clerk's envelope and status: bad
 * input is a 4xx naming the parameter (422 for parameters, 400 for a body that is not
 * JSON, as Clerk answers), a genuine fault a 500 without details, logged here.
 */
final class ClerkErrors {

	private static final Logger logger = LoggerFactory.getLogger(ClerkErrors.class);

	private ClerkErrors() {
	}

	static ResponseEntity<ClerkErrorBody> answer(Exception ex) {
		if (ex instanceof ClerkException clerk) {
			return ResponseEntity.status(clerk.status()).body(clerk.body());
		}
		if (ex instanceof ApiException api) {
			return fromApi(api);
		}
		if (ex instanceof InvalidMetadataException invalid) {
			return answer(ClerkException.invalidParam(ClerkMetadata.clerkField(invalid.field()),
					ClerkMetadata.clerkMessage(invalid.getMessage())));
		}
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return error(HttpStatus.CONTENT_TOO_LARGE, "request_body_too_large", "request too large",
					PayloadTooLargeException.MESSAGE);
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return error(HttpStatus.BAD_REQUEST, "malformed_request", "malformed request",
					"The request body is missing or is not valid JSON.");
		}
		if (ex instanceof InvalidParameterException) {
			return error(HttpStatus.BAD_REQUEST, "malformed_request", "malformed request",
					"The query string or form body is malformed (bad percent-encoding or too many parameters).");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return answer(ClerkException.missingParam(missing.getParameterName()));
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return answer(ClerkException.missingParam(missing.getHeaderName()));
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return answer(ClerkException.invalidParam(mismatch.getName(), mismatch.getName() + " has the wrong type."));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_type", "unsupported content type",
					"Send the request body as application/json.");
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return error(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "not acceptable",
					"This endpoint answers application/json.");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			// RFC 9110 §15.5.6: a 405 lists the methods the resource supports.
			Set<HttpMethod> allowed = (method.getSupportedHttpMethods() != null) ? method.getSupportedHttpMethods()
					: Set.of();
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(allowed.toArray(HttpMethod[]::new))
				.body(ClerkErrorBody.of("method_not_allowed", "method not allowed",
						"Method " + method.getMethod() + " is not allowed here.", Map.of()));
		}
		if (ex instanceof NoResourceFoundException) {
			return error(HttpStatus.NOT_FOUND, "resource_not_found", "not found", "No endpoint at this path.");
		}
		if (ex instanceof ConcurrencyFailureException) {
			return error(HttpStatus.CONFLICT, "conflict", "conflict",
					"The object was changed by a concurrent request; retry the request.");
		}
		if (DatabaseUnavailable.isCause(ex)) {
			DatabaseUnavailable.log(ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
				.body(ClerkErrorBody.of("service_unavailable", "service unavailable",
						"The database is unavailable; retry shortly.", Map.of()));
		}
		if (ex instanceof DataIntegrityViolationException) {
			return error(HttpStatus.CONFLICT, "conflict", "conflict",
					"The request conflicts with the current state of the data.");
		}
		logger.error("Unexpected error on the Clerk wire", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_clerk_error", "internal error",
				"An unexpected error occurred.");
	}

	/**
	 * A shared service's refusal in Clerk's terms: a taken identifier is Clerk's
	 * {@code form_identifier_exists}, any other 400 or 422 a parameter error.
	 */
	private static ResponseEntity<ClerkErrorBody> fromApi(ApiException ex) {
		List<ApiError.FieldError> fields = ex.body().errors();
		String param = (fields != null && !fields.isEmpty()) ? ClerkMetadata.clerkField(fields.get(0).field()) : null;
		String message = ClerkMetadata.clerkMessage(ex.getMessage());
		return switch (ex.status()) {
			case NOT_FOUND -> error(HttpStatus.NOT_FOUND, "resource_not_found", "not found", message);
			case BAD_REQUEST, UNPROCESSABLE_CONTENT -> switch (ex.code()) {
				case "email_not_available", "external_id_already_used", "slug_already_used" ->
					answer(ClerkException.taken(param, message));
				case "invalid_request_parameters", "invalid_role", "invalid_metadata" -> answer(ClerkException
					.of(HttpStatus.UNPROCESSABLE_CONTENT, "form_param_format_invalid", "is invalid", message, param));
				// A rule of the current state (a duplicate or closed invitation): Clerk's
				// 400.
				default -> answer(ClerkException.of(ex.status(), ex.code(), "bad request", message, param));
			};
			case CONFLICT -> ex.code().equals("organization_membership_already_exists")
					? error(HttpStatus.BAD_REQUEST, "already_a_member_in_organization", "already a member", message)
					: error(HttpStatus.CONFLICT, ex.code(), "conflict", message);
			case PRECONDITION_FAILED ->
				error(HttpStatus.PRECONDITION_FAILED, ex.code(), "precondition failed", message);
			case TOO_MANY_REQUESTS ->
				error(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "too many requests", message);
			default -> error(ex.status(), ex.code(), ex.status().getReasonPhrase().toLowerCase(), message);
		};
	}

	private static ResponseEntity<ClerkErrorBody> error(HttpStatus status, String code, String message,
			String longMessage) {
		return ResponseEntity.status(status).body(ClerkErrorBody.of(code, message, longMessage, Map.of()));
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
