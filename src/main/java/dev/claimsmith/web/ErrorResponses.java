package dev.claimsmith.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place that decides an error's envelope by the request's path: another vendor's
 * wire's ({@link WireErrorFormat}) on that wire's paths, the contract's everywhere else.
 * Filters write through it, as do {@link WireExceptionResolver} and the error page.
 */
@Component
public class ErrorResponses {

	private final JsonMapper jsonMapper;

	private final List<WireErrorFormat> formats;

	ErrorResponses(JsonMapper jsonMapper, List<WireErrorFormat> formats) {
		this.jsonMapper = jsonMapper;
		this.formats = List.copyOf(formats);
	}

	/** Writes {@code error} in the contract's shape, whatever the path. */
	public void write(HttpServletResponse response, HttpStatus status, ApiError error) throws IOException {
		writeJson(response, status.value(), error);
	}

	/**
	 * As {@link #write(HttpServletResponse, HttpStatus, ApiError)}, in the envelope of
	 * the request's wire when a {@link WireErrorFormat} handles its path: an SDK reads
	 * its vendor's errors only, so a filter's 401 must reach it in that shape too.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ApiError error)
			throws IOException {
		Optional<WireErrorFormat> format = formatOf(request);
		writeJson(response, status.value(), format.isPresent() ? format.get().body(status, error) : error);
	}

	/** The wire whose envelope errors on {@code request}'s path take, if any. */
	Optional<WireErrorFormat> formatOf(HttpServletRequest request) {
		return formatOf(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/**
	 * The wire whose envelope errors on {@code path} (without the context path) take, if
	 * any.
	 */
	Optional<WireErrorFormat> formatOf(String path) {
		return this.formats.stream().filter((format) -> format.handles(path)).findFirst();
	}

	/** Writes a wire's whole answer: status, headers and body. */
	void write(HttpServletResponse response, ResponseEntity<?> answer) throws IOException {
		answer.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		writeJson(response, answer.getStatusCode().value(), answer.getBody());
	}

	private void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(body));
	}

}
