package dev.claimsmith.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.store.Timestamps;
import dev.claimsmith.token.AccessTokens;
import dev.claimsmith.token.MintRequest;
import dev.claimsmith.token.MintedToken;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserId;
import dev.claimsmith.user.UserService;

import org.springframework.stereotype.Component;

/**
 * Starts sessions and hands out their tokens: an access token minted from current data
 * (with the session as {@code sid}) and a fresh refresh token bound to session, client
 * and organization. Callers supply the transaction.
 */
@Component
class SessionIssuer {

	private final Sessions sessions;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final UserService users;

	private final SessionProperties properties;

	private final Clock clock;

	SessionIssuer(Sessions sessions, RefreshTokens refreshTokens, AccessTokens accessTokens, UserService users,
			SessionProperties properties, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new session for a user who just proved who they are. */
	Authentication start(String userId, String clientId, String organizationId) {
		String sessionId = this.sessions.start(userId, clientId, organizationId, now());
		return issue(new RefreshTokens.Binding(sessionId, userId, clientId, organizationId));
	}

	/** The next tokens of a session whose refresh token was just spent. */
	Authentication resume(RefreshTokens.Binding spent, String organizationId) {
		if (!Objects.equals(spent.organizationId(), organizationId)) {
			this.sessions.switchOrganization(spent.sessionId(), organizationId);
		}
		return issue(new RefreshTokens.Binding(spent.sessionId(), spent.userId(), spent.clientId(), organizationId));
	}

	private Authentication issue(RefreshTokens.Binding binding) {
		MintedToken accessToken = this.accessTokens.mint(new MintRequest(new UserId(binding.userId()),
				OrganizationId.ofNullable(binding.organizationId()), binding.sessionId(), null));
		Instant now = now();
		String refreshToken = this.refreshTokens.issue(binding, now, now.plus(this.properties.refreshTokenLifetime()));
		User user = this.users.find(binding.userId())
			.orElseThrow(() -> new InvalidGrantException("The user no longer exists."));
		return new Authentication(user, binding.organizationId(), binding.sessionId(), accessToken, refreshToken);
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}
