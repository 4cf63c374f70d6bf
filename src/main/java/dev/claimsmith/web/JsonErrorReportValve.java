package dev.claimsmith.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
		// Codes and reason phrases are plain ASCII without quotes: no JSON escaping
		// needed.
		ApiError error = RequestErrors.forStatus(status);
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"code\":\"" + error.code() + "\",\"message\":\"" + error.message() + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response is already closed: nothing left to
			// tell.
		}
	}

}
