package dev.claimsmith.auth;

import java.util.List;

/**
 * The user is an active member of several organizations and named none. Carries what the
 * 403 answer lists, and the pending authentication token that redeems the choice.
 */
class OrganizationSelectionRequiredException extends RuntimeException {

	private final transient OrganizationSelectionRequired body;

	OrganizationSelectionRequiredException(AuthenticatedUser user, List<OrganizationSelectionRequired.Choice> choices,
			String pendingAuthenticationToken) {
		super("The user must choose an organization.", null, false, false);
		this.body = new OrganizationSelectionRequired("organization_selection_required",
				"The user is a member of several organizations; name one with organization_id.",
				pendingAuthenticationToken, user, choices);
	}

	OrganizationSelectionRequired body() {
		return this.body;
	}

}
