package dev.claimsmith.keys;

/**
 * The key file holds a key Claimsmith must not use (weak, symmetric, of an unknown curve,
 * or a signing key without its private part). Messages name the key, never its material.
 */
class UnusableKeyException extends IllegalStateException {

	UnusableKeyException(String message) {
		super(message);
	}

}
