package dev.claimsmith.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

/**
 * How another vendor's wire shapes the errors on its paths that its own controllers do
 * not answer: those filters write before any controller runs (a 401 from the API-key
 * filter, a 413 for a body over the limit, a 503 in a database outage), those Spring MVC
 * raises before or instead of one of the wire's endpoints (no endpoint at the path, a
 * method or media type none takes) and those the servlet container sends to the error
 * page (a fault in a filter). A module serving such a wire registers one as a bean;
 * {@link ErrorResponses} picks it by path, and every other path answers in the contract's
 * shape. Implementations are stateless and thread-safe.
 */
public interface WireErrorFormat {

	/** Whether a request to {@code path} (without the context path) is on this wire. */
	boolean handles(String path);

	/** The body, serialized as JSON, that says {@code error} in this wire's envelope. */
	Object body(HttpStatus status, ApiError error);

	/**
	 * The status, headers and body (serialized as JSON) with which this wire answers
	 * {@code ex}, raised on one of its paths outside its own controllers.
	 */
	ResponseEntity<?> answer(Exception ex);

	/**
	 * Whether {@code handler} is one of this wire's own endpoints, whose failures the
	 * wire's controller advice answers: by default, a controller in this format's package
	 * (the wire's module), which is where such advice is scoped.
	 */
	default boolean owns(Object handler) {
		return handler instanceof HandlerMethod method
				&& method.getBeanType().getPackageName().equals(getClass().getPackageName());
	}

}
