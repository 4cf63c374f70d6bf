package dev.claimsmith.clerk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.MDC;

/**
 * Clerk's error envelope: {@code {"errors":[{code,message,long_message,meta}],
 * "clerk_trace_id"}}. The SDK turns it into a {@code ClerkAPIResponseError} whose
 * {@code errors} are these entries.
 */
record ClerkErrorBody(List<Entry> errors, String clerkTraceId) {

	static ClerkErrorBody of(String code, String message, String longMessage, Map<String, Object> meta) {
		return new ClerkErrorBody(List.of(new Entry(code, message, longMessage, meta)), traceId());
	}

	/**
	 * The request's id (see web/RequestLogFilter), so that a trace id a client reports
	 * finds the request in the logs.
	 */
	static String traceId() {
		String requestId = MDC.get("request_id");
		return (requestId != null) ? requestId : UUID.randomUUID().toString().replace("-", "");
	}

	/** One error; {@code meta} names the parameter at fault as Clerk does. */
	record Entry(String code, String message, String longMessage, Map<String, Object> meta) {
	}

}
