package dev.claimsmith.web;

import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by the servlet container itself (a malformed URL, a fault in a filter)
 * reach no controller; this keeps even those in the contract's shape instead of Boot's
 * default, or in the envelope of the wire whose path failed ({@link ErrorResponses}). A
 * client asking for {@code /error} itself gets a 404: there is no such endpoint.
 */
@RestController
class ErrorPageController implements ErrorController {

	private final ErrorResponses errorResponses;

	ErrorPageController(ErrorResponses errorResponses) {
		this.errorResponses = errorResponses;
	}

	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer status) || status < 400) {
			return ResponseEntity.status(404).body(RequestErrors.notFound());
		}
		ApiError error = RequestErrors.forStatus(status);
		HttpStatus known = HttpStatus.resolve(status);
		Optional<WireErrorFormat> format = (known != null) ? failedWire(request) : Optional.empty();
		return ResponseEntity.status(status).body(format.isPresent() ? format.get().body(known, error) : error);
	}

	private Optional<WireErrorFormat> failedWire(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String contextPath = request.getContextPath();
		if (!(uri instanceof String path) || !path.startsWith(contextPath)) {
			return Optional.empty();
		}
		return this.errorResponses.formatOf(path.substring(contextPath.length()));
	}

}
