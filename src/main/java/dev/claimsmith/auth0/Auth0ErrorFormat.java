package dev.claimsmith.auth0;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.WireErrorFormat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors on {@code /api/v2/…} that no Auth0 controller answers, in Auth0's envelope,
 * which is all the Management SDK parses: those filters write (a refused key or token, a
 * body over the limit, an outage), those of no Auth0 endpoint (an unknown path, a method
 * or media type none takes) and the error page's (a fault in a filter).
 * {@code /oauth/token} is not on this wire: it answers RFC 6749's errors.
 */
@Component
class Auth0ErrorFormat implements WireErrorFormat {

	@Override
	public boolean handles(String path) {
		return path.startsWith("/api/v2/");
	}

	@Override
	public Object body(HttpStatus status, ApiError error) {
		return Auth0Error.of(status, error.message(), error.code());
	}

	@Override
	public ResponseEntity<Auth0Error> answer(Exception ex) {
		return Auth0Errors.answer(ex, false);
	}

}
