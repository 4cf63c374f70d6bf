package dev.claimsmith.web;

import org.springframework.http.HttpStatus;

/**
 * How another vendor's wire shapes the errors that filters write before any controller
 * (and so any wire's controller advice) runs: a 401 from the API-key filter, a 503 in a
 * database outage. A module serving such a wire registers one as a bean and
 * {@link ErrorResponses} picks it by path; every other path answers in the contract's
 * shape. Implementations are stateless and thread-safe.
 */
public interface WireErrorFormat {

	/** Whether a request to {@code path} (without the context path) is on this wire. */
	boolean handles(String path);

	/** The body, serialized as JSON, that says {@code error} in this wire's envelope. */
	Object body(HttpStatus status, ApiError error);

}
