package dev.claimsmith.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the contract's error shape from filters, which run before any controller; on
 * another vendor's wire, that wire's ({@link WireErrorFormat}).
 */
@Component
public class ErrorResponses {

	private final JsonMapper jsonMapper;

	private final List<WireErrorFormat> formats;

	ErrorResponses(JsonMapper jsonMapper, List<WireErrorFormat> formats) {
		this.jsonMapper = jsonMapper;
		this.formats = List.copyOf(formats);
	}

	public void write(HttpServletResponse response, HttpStatus status, ApiError error) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(error));
	}

	/**
	 * As {@link #write(HttpServletResponse, HttpStatus, ApiError)}, in the envelope of
	 * the request's wire when a {@link WireErrorFormat} handles its path: an SDK reads
	 * its vendor's errors only, so a filter's 401 must reach it in that shape too.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ApiError error)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (WireErrorFormat format : this.formats) {
			if (format.handles(path)) {
				response.setStatus(status.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(format.body(status, error)));
				return;
			}
		}
		write(response, status, error);
	}

}
