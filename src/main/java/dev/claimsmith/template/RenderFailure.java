package dev.claimsmith.template;

/**
 * A rendering error raised deep inside an expression, which does not know its claim; the
 * claim node that evaluated the expression adds the JSON pointer.
 */
class RenderFailure extends RuntimeException {

	RenderFailure(String message) {
		super(message, null, false, false);
	}

}
