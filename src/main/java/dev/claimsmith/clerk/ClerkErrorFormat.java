package dev.claimsmith.clerk;

import java.util.Locale;
import java.util.Map;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.WireErrorFormat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors written by filters on {@code /clerk/…} in Clerk's envelope, so the SDK raises
 * its {@code ClerkAPIResponseError} for a 401 or a 503 as for any other error.
 */
@Component
class ClerkErrorFormat implements WireErrorFormat {

	@Override
	public boolean handles(String path) {
		return path.startsWith("/clerk/");
	}

	@Override
	public Object body(HttpStatus status, ApiError error) {
		String code = switch (error.code()) {
			case "unauthorized" -> "authentication_invalid";
			case "insufficient_scope" -> "authorization_invalid";
			default -> error.code();
		};
		return ClerkErrorBody.of(code, status.getReasonPhrase().toLowerCase(Locale.ROOT), error.message(), Map.of());
	}

}
