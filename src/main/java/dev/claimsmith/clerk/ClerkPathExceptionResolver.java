package dev.claimsmith.clerk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures under {@code /clerk/} that no Clerk controller handled (no endpoint at the
 * path, a method or media type no endpoint takes): answered in Clerk's envelope, since
 * {@link ClerkExceptionHandler} only sees its own controllers' and the global handler
 * would answer in the WorkOS shape. Runs before Spring's resolvers.
 */
@Component
class ClerkPathExceptionResolver implements HandlerExceptionResolver, Ordered {

	static final String PREFIX = "/clerk/";

	private final JsonMapper jsonMapper;

	ClerkPathExceptionResolver(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean clerkHandler = handler instanceof HandlerMethod method
				&& method.getBeanType().getPackageName().equals(getClass().getPackageName());
		if (!path.startsWith(PREFIX) || clerkHandler || response.isCommitted()) {
			return null;
		}
		ResponseEntity<ClerkErrorBody> answer = ClerkErrors.answer(ex);
		try {
			response.resetBuffer();
			response.setStatus(answer.getStatusCode().value());
			answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(answer.getBody()));
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
