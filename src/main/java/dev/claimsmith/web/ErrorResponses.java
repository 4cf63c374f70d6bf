package dev.claimsmith.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes the contract's error shape from filters, which run before any controller. */
@Component
public class ErrorResponses {

	private final JsonMapper jsonMapper;

	ErrorResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletResponse response, HttpStatus status, ApiError error) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(error));
	}

	/**
	 * As {@link #write(HttpServletResponse, HttpStatus, ApiError)}, but in Clerk's
	 * envelope for a request on the Clerk wire ({@code /clerk/…}, API.md "Clerk Backend
	 * API compatibility"), whose SDK reads nothing else: a filter's 401 or 403 must reach
	 * it as a {@code ClerkAPIResponseError} too.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ApiError error)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/clerk/")) {
			write(response, status, error);
			return;
		}
		String code = switch (error.code()) {
			case "unauthorized" -> "authentication_invalid";
			case "insufficient_scope" -> "authorization_invalid";
			default -> error.code();
		};
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("code", code);
		entry.put("message", status.getReasonPhrase().toLowerCase(Locale.ROOT));
		entry.put("long_message", error.message());
		entry.put("meta", Map.of());
		String requestId = MDC.get("request_id");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(entry));
		body.put("clerk_trace_id", (requestId != null) ? requestId : UUID.randomUUID().toString().replace("-", ""));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(body));
	}

}
