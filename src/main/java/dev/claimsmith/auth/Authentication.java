package dev.claimsmith.auth;

import dev.claimsmith.token.MintedToken;
import dev.claimsmith.user.User;

/**
 * A successful authentication: who, for which organization (or null), and the tokens of
 * its session.
 */
record Authentication(User user, String organizationId, String sessionId, MintedToken accessToken,
		String refreshToken) {

	@Override
	public String toString() {
		return "Authentication[user=" + this.user.id() + ", organizationId=" + this.organizationId + ", sessionId="
				+ this.sessionId + "]";
	}

}
