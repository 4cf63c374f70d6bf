package dev.claimsmith.auth0;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * Every failure of an Auth0 controller in Auth0's envelope ({@link Auth0Errors}). Scoped
 * to this package and ordered before the global handlers (web/ApiExceptionHandler, the
 * metadata module's), which keep the other wires' shapes.
 */
@RestControllerAdvice(basePackageClasses = Auth0ExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Auth0ExceptionHandler {

	@ExceptionHandler(Exception.class)
	ResponseEntity<Auth0Error> any(Exception ex, HandlerMethod handler) {
		return Auth0Errors.answer(ex, handler != null && handler.getBeanType() == Auth0UserController.class);
	}

}
