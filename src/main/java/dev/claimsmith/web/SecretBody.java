package dev.claimsmith.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body that carries secrets (passwords, client secrets, refresh tokens).
 * Spring logs request bodies at DEBUG through their {@code toString()}; this one says
 * nothing.
 */
public record SecretBody(JsonNode json) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public SecretBody {
	}

	@Override
	public String toString() {
		return "SecretBody[withheld]";
	}

}
