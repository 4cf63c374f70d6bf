package dev.claimsmith.auth;

import java.time.Clock;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.web.ApiException;
import dev.claimsmith.web.JsonObjectReader;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * WorkOS's {@code POST /user_management/sessions/revoke}: ends a session, so its refresh
 * token can no longer be redeemed. Needs an API key (the filter checks it).
 */
@RestController
class SessionController {

	private final Sessions sessions;

	private final Clock clock;

	SessionController(Sessions sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@PostMapping(path = "/user_management/sessions/revoke", produces = "application/json")
	ResponseEntity<Void> revoke(@RequestBody JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String sessionId = reader.requiredString("session_id", 1, 64);
		reader.validate();
		if (!this.sessions.revoke(sessionId, Timestamps.now(this.clock))) {
			throw ApiException.notFound("session", sessionId);
		}
		return ResponseEntity.ok().build();
	}

}
