package dev.claimsmith.web;

import java.io.IOException;

/**
 * A request body over the configured limit; an IOException so parsers pass it through.
 */
public class PayloadTooLargeException extends IOException {

	public static final String MESSAGE = "The request body is larger than the limit of 1 MiB.";

	PayloadTooLargeException() {
		super(MESSAGE);
	}

}
