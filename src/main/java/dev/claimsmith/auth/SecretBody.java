package dev.claimsmith.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body that carries secrets (passwords, client secrets, refresh tokens).
 * Spring logs request bodies at DEBUG through their {@code toString()}; this one says
 * nothing.
 */
record SecretBody(JsonNode json) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	SecretBody {
	}

	@Override
	public String toString() {
		return "SecretBody[withheld]";
	}

}
