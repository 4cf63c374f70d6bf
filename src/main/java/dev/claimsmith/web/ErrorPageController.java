package dev.claimsmith.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by the servlet container itself (a malformed URL, say) reach no
 * controller; this keeps even those in the contract's shape instead of Boot's default.
 */
@RestController
class ErrorPageController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ApiError> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve((code instanceof Integer value) ? value : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String errorCode = switch (status) {
			case NOT_FOUND -> "not_found";
			case CONTENT_TOO_LARGE -> "request_too_large";
			case INTERNAL_SERVER_ERROR -> "server_error";
			default -> status.is4xxClientError() ? "invalid_request" : "server_error";
		};
		return ResponseEntity.status(status).body(new ApiError(errorCode, status.getReasonPhrase(), null));
	}

}
