package dev.claimsmith.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures on another vendor's wire that none of its own controllers raised (no endpoint
 * at the path, a method or media type no endpoint takes): answered in that wire's
 * envelope ({@link WireErrorFormat#answer}), since the wire's controller advice only sees
 * its own controllers and {@link ApiExceptionHandler} would answer in the contract's
 * shape. Runs before Spring's resolvers; a wire's own controllers are left to its advice.
 */
@Component
class WireExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final ErrorResponses errorResponses;

	WireExceptionResolver(ErrorResponses errorResponses) {
		this.errorResponses = errorResponses;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		WireErrorFormat format = this.errorResponses.formatOf(request).orElse(null);
		if (format == null || format.owns(handler) || response.isCommitted()) {
			return null;
		}
		try {
			response.resetBuffer();
			this.errorResponses.write(response, format.answer(ex));
		}
		catch (IOException writeFailed) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		// After Spring Boot's DefaultErrorAttributes, which only records the exception.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
