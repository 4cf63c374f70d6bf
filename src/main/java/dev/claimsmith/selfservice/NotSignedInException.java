package dev.claimsmith.selfservice;

/**
 * No valid access token: answered 401 {@code unauthorized} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
public class NotSignedInException extends RuntimeException {

	NotSignedInException(String message) {
		super(message, null, false, false);
	}

}
