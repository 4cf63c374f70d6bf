package dev.claimsmith.auth;

import java.time.Clock;

import dev.claimsmith.store.Timestamps;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * WorkOS's {@code urn:workos:oauth:grant-type:organization-selection}: redeems the
 * pending authentication token of an {@code organization_selection_required} answer with
 * the organization the user chose.
 */
@Component
class OrganizationSelectionGrant {

	static final String GRANT_TYPE = "urn:workos:oauth:grant-type:organization-selection";

	private final PendingAuthentications pendingAuthentications;

	private final OrganizationChooser organizations;

	private final SessionIssuer sessions;

	private final UserService users;

	private final TransactionOperations transactions;

	private final Clock clock;

	OrganizationSelectionGrant(PendingAuthentications pendingAuthentications, OrganizationChooser organizations,
			SessionIssuer sessions, UserService users, TransactionOperations transactions, Clock clock) {
		this.pendingAuthentications = pendingAuthentications;
		this.organizations = organizations;
		this.sessions = sessions;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Redeems a pending authentication for the organization the user chose.
	 * @throws InvalidGrantException for a token that is unknown, spent, expired or of
	 * another client
	 * @throws ApiException 403 {@code organization_membership_required} when the chosen
	 * organization is not an active membership (the token stays redeemable)
	 */
	Authentication authenticate(String pendingToken, String organizationId, String clientId) {
		return this.transactions.execute((status) -> {
			String userId = this.pendingAuthentications.redeem(pendingToken, clientId, Timestamps.now(this.clock))
				.orElseThrow(() -> new InvalidGrantException("The pending authentication token is invalid."));
			this.organizations.requireActiveMembership(userId, organizationId);
			this.users.recordSignIn(userId);
			return this.sessions.start(userId, clientId, organizationId);
		});
	}

}
