package dev.claimsmith.selfservice;

import org.springframework.stereotype.Component;

/**
 * The module's public face for another wire's self-service endpoint (Auth0's {@code PATCH
 * /api/v2/users/{id}} with the user's own token): the same verification of the user's
 * access token and the same write throttle as {@code PATCH /me}.
 */
@Component
public class OwnUserWrites {

	private final AccessTokenAuthentication authentication;

	private final SelfWriteThrottle throttle;

	OwnUserWrites(AccessTokenAuthentication authentication, SelfWriteThrottle throttle) {
		this.authentication = authentication;
		this.throttle = throttle;
	}

	/**
	 * The id of the user whose valid access token {@code authorization} carries, with one
	 * write counted against their budget.
	 * @throws NotSignedInException for a missing, invalid, expired or revoked token
	 * @throws SelfWriteThrottledException when the user's write budget is spent
	 */
	public String authorizeWrite(String authorization) {
		SignedInUser user = this.authentication.authenticate(authorization);
		this.throttle.acquire(user.userId());
		return user.userId();
	}

}
