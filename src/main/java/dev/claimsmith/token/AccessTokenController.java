package dev.claimsmith.token;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.user.UserId;
import dev.claimsmith.web.JsonObjectReader;
import dev.claimsmith.web.NoStore;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /access_tokens}: a token for a user that the calling auth server has
 * authenticated itself.
 */
@RestController
class AccessTokenController {

	private static final int MAX_ID_LENGTH = 64;

	private final AccessTokens accessTokens;

	AccessTokenController(AccessTokens accessTokens) {
		this.accessTokens = accessTokens;
	}

	@NoStore
	@PostMapping(path = "/access_tokens", produces = "application/json")
	AccessTokenResponse mint(@RequestBody JsonNode body) {
		JsonObjectReader reader = JsonObjectReader.of(body);
		String userId = reader.requiredString("user_id", 1, MAX_ID_LENGTH);
		OrganizationId organizationId = reader.optionalString("organization_id", 1, MAX_ID_LENGTH)
			.map(OrganizationId::new)
			.orElse(null);
		String template = reader.optionalString("template", 1, MAX_ID_LENGTH).orElse(null);
		reader.validate();
		MintedToken token = this.accessTokens.mint(new MintRequest(new UserId(userId), organizationId, null, template));
		return new AccessTokenResponse(token.accessToken(), "Bearer", token.expiresIn());
	}

	record AccessTokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
