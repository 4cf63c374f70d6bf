package dev.claimsmith.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's error body: {@code {"code","message","errors"?}}. {@code errors} is only
 * written for 400 and 422 answers that name fields.
 */
public record ApiError(String code, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

	/** One offending field (or metadata key, or template path) of a request. */
	public record FieldError(String field, String code, String message) {
	}

}
