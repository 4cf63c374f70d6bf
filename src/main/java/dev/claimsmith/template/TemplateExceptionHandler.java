package dev.claimsmith.template;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The contract's 422 for templates, wherever one fails (PUT, preview, mint): errors carry
 * the claim's JSON pointer rather than a request field.
 */
@RestControllerAdvice
@Order(0)
class TemplateExceptionHandler {

	@ExceptionHandler(TemplateException.class)
	ResponseEntity<InvalidTemplate> invalid(TemplateException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new InvalidTemplate("invalid_template", ex.getMessage(), ex.errors()));
	}

	record InvalidTemplate(String code, String message, List<TemplateError> errors) {
	}

}
