package dev.claimsmith.auth0;

import dev.claimsmith.web.ApiError;
import dev.claimsmith.web.WireErrorFormat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors written by filters on {@code /api/v2/…} (a refused key or token, an outage) in
 * Auth0's envelope, which is all the Management SDK parses.
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

}
