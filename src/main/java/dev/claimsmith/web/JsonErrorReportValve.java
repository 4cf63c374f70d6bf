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
		// Codes and messages here are constant ASCII without quotes or backslashes: no
		// JSON escaping needed.
		ApiError error = RequestErrors.forStatus(status);
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json(error));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response is already closed: nothing left to
			// tell.
		}
	}

	private static String json(ApiError error) {
		StringBuilder json = new StringBuilder("{\"code\":\"").append(error.code())
			.append("\",\"message\":\"")
			.append(error.message())
			.append('"');
		if (error.errors() != null) {
			json.append(",\"errors\":[");
			for (int i = 0; i < error.errors().size(); i++) {
				ApiError.FieldError field = error.errors().get(i);
				json.append((i > 0) ? "," : "")
					.append("{\"field\":\"")
					.append(field.field())
					.append("\",\"code\":\"")
					.append(field.code())
					.append("\",\"message\":\"")
					.append(field.message())
					.append("\"}");
			}
			json.append(']');
		}
		return json.append('}').toString();
	}

}
