package dev.claimsmith.auth;

/**
 * RFC 6749 section 5.2 {@code invalid_grant}: the refresh token or pending authentication
 * token is unknown, spent, expired, revoked or bound to something else. Answered 400
 * {@code {"error":"invalid_grant","error_description"}}; the description never contains
 * the token.
 */
class InvalidGrantException extends RuntimeException {

	InvalidGrantException(String description) {
		super(description, null, false, false);
	}

}
