package dev.claimsmith.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers request errors that surface outside any controller with the contract's 4xx
 * instead of a 500 and a stack trace. The query string and form body are parsed here,
 * first, so a malformed percent-encoding, too many parameters or a form body over the
 * limit (however it is framed) is refused before any filter or endpoint touches them; a
 * body over the limit found by a later filter (a form {@code PUT}, say) is a 413 too. A
 * filter that cannot reach the database (the API-key check) answers the same 503 as an
 * endpoint would.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestErrorFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestErrorFilter.class);

	private final ErrorResponses errorResponses;

	RequestErrorFilter(ErrorResponses errorResponses) {
		this.errorResponses = errorResponses;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			refuse(request, response, RequestErrors.statusOf(ex), RequestErrors.bodyOf(ex), ex);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			InvalidParameterException invalid = cause(ex, InvalidParameterException.class);
			if (invalid != null) {
				refuse(request, response, RequestErrors.statusOf(invalid), RequestErrors.bodyOf(invalid), ex);
			}
			else if (cause(ex, PayloadTooLargeException.class) != null) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, RequestErrors.tooLarge(), ex);
			}
			else if (DatabaseUnavailable.isCause(ex)) {
				DatabaseUnavailable.log(ex);
				response.resetBuffer();
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
				this.errorResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
						DatabaseUnavailable.body());
			}
			else {
				throw ex;
			}
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ApiError error,
			Exception ex) throws IOException {
		// The client's mistake, not ours: one quiet line, never a stack trace.
		logger.debug("Request refused with {}: {}", status.value(), ex.getMessage());
		response.resetBuffer();
		this.errorResponses.write(request, response, status, error);
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
