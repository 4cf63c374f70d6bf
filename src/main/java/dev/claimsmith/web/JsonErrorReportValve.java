package dev.claimsmith.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, replaced: requests Tomcat rejects before Spring sees them
 * still get {@code {"code","message"}} as JSON, and never a server version or stack
 * trace.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String code = (status == 404) ? "not_found" : (status >= 500) ? "server_error" : "invalid_request";
		String reason = (known != null) ? known.getReasonPhrase() : "Error";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"code\":\"" + code + "\",\"message\":\"" + reason + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response is already closed: nothing left to
			// tell.
		}
	}

}
