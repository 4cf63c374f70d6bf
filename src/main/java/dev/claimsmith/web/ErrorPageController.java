package dev.claimsmith.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by the servlet container itself (a malformed URL, say) reach no
 * controller; this keeps even those in the contract's shape instead of Boot's default. A
 * client asking for {@code /error} itself gets a 404: there is no such endpoint.
 */
@RestController
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ApiError> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer status) || status < 400) {
			return ResponseEntity.status(404).body(RequestErrors.notFound());
		}
		return ResponseEntity.status(status).body(RequestErrors.forStatus(status));
	}

}
