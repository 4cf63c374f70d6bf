package dev.claimsmith.auth;

/** The 200 answer of {@code POST /user_management/authenticate}. */
record AuthenticationResponse(AuthenticatedUser user, String organizationId, String accessToken, String refreshToken,
		String authenticationMethod) {

	static AuthenticationResponse of(Authentication authentication) {
		return new AuthenticationResponse(AuthenticatedUser.of(authentication.user()), authentication.organizationId(),
				authentication.accessToken().accessToken(), authentication.refreshToken(), "Password");
	}

	/** Keeps both tokens out of logs (Spring logs response bodies at DEBUG). */
	@Override
	public String toString() {
		return "AuthenticationResponse[user=" + this.user.id() + ", organizationId=" + this.organizationId + "]";
	}

}
