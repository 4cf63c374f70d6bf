package dev.claimsmith.auth;

import java.util.List;

/**
 * The 403 answer to a user in several organizations: WorkOS's shape, organizations with
 * id and name only.
 */
record OrganizationSelectionRequired(String code, String message, String pendingAuthenticationToken,
		AuthenticatedUser user, List<Choice> organizations) {

	/**
	 * Keeps the pending authentication token out of logs (Spring logs bodies at DEBUG).
	 */
	@Override
	public String toString() {
		return "OrganizationSelectionRequired[user=" + this.user.id() + ", organizations=" + this.organizations + "]";
	}

	record Choice(String id, String name) {
	}

}
