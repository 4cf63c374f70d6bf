package dev.claimsmith.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;

/**
 * One key as the key file holds it: the JWK, possibly with its private part, and its
 * lifecycle.
 */
record StoredKey(JWK jwk, KeyLifecycle lifecycle) {

	String kid() {
		return this.jwk.getKeyID();
	}

	StoredKey retire(Instant at) {
		return new StoredKey(this.jwk, this.lifecycle.retire(at));
	}

	/**
	 * Never the key material: records print their components, and this one is private.
	 */
	@Override
	public String toString() {
		return "StoredKey[kid=" + kid() + ", " + this.lifecycle + "]";
	}

}
