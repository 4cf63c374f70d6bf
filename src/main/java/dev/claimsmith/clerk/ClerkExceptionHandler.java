package dev.claimsmith.clerk;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of a Clerk controller in Clerk's envelope. Scoped to this package and
 * ordered before the global handlers (web/ApiExceptionHandler, the metadata module's),
 * which would answer in the WorkOS shape.
 */
@RestControllerAdvice(basePackageClasses = ClerkExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClerkExceptionHandler {

	@ExceptionHandler(Exception.class)
	ResponseEntity<ClerkErrorBody> any(Exception ex) {
		return ClerkErrors.answer(ex);
	}

}
