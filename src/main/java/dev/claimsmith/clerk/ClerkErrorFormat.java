package dev.claimsmith.clerk;

import java.util.Locale;
import java.util.Map;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.WireErrorFormat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors on {@code /clerk/…} that no Clerk controller answers in Clerk's envelope: those
 * filters write (a 401, a 413, a 503), so the SDK raises its
 * {@code ClerkAPIResponseError} for them as for any other error, and those of no Clerk
 * endpoint (an unknown path, a method or media type none takes), mapped as
 * {@link ClerkExceptionHandler} maps its controllers' failures.
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
			case "request_too_large" -> "request_body_too_large";
			default -> error.code();
		};
		return ClerkErrorBody.of(code, status.getReasonPhrase().toLowerCase(Locale.ROOT), error.message(), Map.of());
	}

	@Override
	public ResponseEntity<ClerkErrorBody> answer(Exception ex) {
		return ClerkErrors.answer(ex);
	}

}
