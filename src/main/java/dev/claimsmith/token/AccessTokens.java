package dev.claimsmith.token;

/**
 * Mints access tokens: reserved claims first, then the template's claims, then the
 * signature of the active key. Thread-safe.
 */
public interface AccessTokens {

	/**
	 * Mints a token for the request.
	 * @throws dev.claimsmith.web.ApiException 404 for an unknown user or organization,
	 * 403 {@code organization_membership_required} when the user is not an active member
	 * of the organization named, 422 {@code invalid_template} when the template cannot
	 * render for this user
	 */
	MintedToken mint(MintRequest request);

}
