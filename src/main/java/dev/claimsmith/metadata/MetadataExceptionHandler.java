package dev.claimsmith.metadata;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.ApiException;

import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The contract's answer to invalid metadata, wherever a request carries it: 400
 * {@code invalid_metadata} naming the key, or 422 {@code invalid_type} for a field that
 * is not an object.
 */
@RestControllerAdvice
@Order(0)
class MetadataExceptionHandler {

	@ExceptionHandler(InvalidMetadataException.class)
	ResponseEntity<ApiError> invalid(InvalidMetadataException ex) {
		ApiException answer = ex.isWrongType()
				? ApiException.invalidParameter(ex.field(), "invalid_type", ex.getMessage())
				: ApiException.badRequest("invalid_metadata", ex.field(), ex.getMessage());
		return ResponseEntity.status(answer.status()).body(answer.body());
	}

}
