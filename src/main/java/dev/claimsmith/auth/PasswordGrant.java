package dev.claimsmith.auth;

import java.time.Duration;
import java.util.Optional;

import dev.claimsmith.invitation.InvitationService;
import dev.claimsmith.user.User;
import dev.claimsmith.user.UserService;
import dev.claimsmith.web.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code password} grant: throttle, verify, choose the organization, start a session.
 */
@Component
class PasswordGrant {

	/** One answer for an unknown email and a wrong password, so neither is told apart. */
	static final String INVALID_CREDENTIALS_MESSAGE = "Invalid credentials.";

	private final UserService users;

	private final LoginThrottle throttle;

	private final OrganizationChooser organizations;

	private final SessionIssuer sessions;

	private final TransactionOperations transactions;

	private final InvitationService invitations;

	PasswordGrant(UserService users, LoginThrottle throttle, OrganizationChooser organizations, SessionIssuer sessions,
			TransactionOperations transactions, InvitationService invitations) {
		this.invitations = invitations;
		this.users = users;
		this.throttle = throttle;
		this.organizations = organizations;
		this.sessions = sessions;
		this.transactions = transactions;
	}

	/**
	 * Signs a user in with email and password.
	 * @param clientIp the end user's IP, for throttling
	 * @throws ThrottledException after too many failures
	 * @throws ApiException 400 {@code invalid_credentials}
	 */
	Authentication authenticate(String email, String password, String organizationId, String clientId,
			String clientIp) {
		Optional<Duration> wait = this.throttle.acquire(clientIp, email);
		if (wait.isPresent()) {
			throw new ThrottledException(wait.get());
		}
		User user = this.users.findByCredentials(email, password)
			.orElseThrow(() -> ApiException.badRequest("invalid_credentials", INVALID_CREDENTIALS_MESSAGE));
		this.throttle.succeeded(clientIp, email);
		String organization = this.organizations.choose(user, organizationId, clientId);
		return this.transactions.execute((status) -> {
			this.users.recordSignIn(user.id());
			return this.sessions.start(user.id(), clientId, organization);
		});
	}

	/**
	 * Signs a user in and accepts an invitation for their email in one transaction; a
	 * person without an account gets one with this password. Signs them into the
	 * invitation's organization unless another is named.
	 * @throws ApiException 400 {@code invitation_invalid} for a token that cannot be
	 * accepted (or is for another email), 400 {@code invalid_credentials} for an existing
	 * user's wrong password, 422 for a new user's invalid password
	 */
	Authentication acceptInvitation(String token, String email, String password, String organizationId, String clientId,
			String clientIp) {
		Optional<Duration> wait = this.throttle.acquire(clientIp, email);
		if (wait.isPresent()) {
			throw new ThrottledException(wait.get());
		}
		InvitationService.OpenInvitation invitation = this.invitations.findAcceptable(token)
			.filter((open) -> open.email().equalsIgnoreCase(email))
			.orElseThrow(() -> ApiException.badRequest("invitation_invalid",
					"The invitation token is not valid for this email, or no longer acceptable."));
		Optional<User> existing = this.users.findByEmail(email);
		if (existing.isPresent()) {
			existing = this.users.findByCredentials(email, password);
			if (existing.isEmpty()) {
				throw ApiException.badRequest("invalid_credentials", INVALID_CREDENTIALS_MESSAGE);
			}
		}
		this.throttle.succeeded(clientIp, email);
		Optional<User> known = existing;
		return this.transactions.execute((status) -> {
			User user = known.orElseGet(() -> this.users.createWithPassword(email, password));
			this.invitations.acceptByToken(token, user.id());
			String organization = (organizationId != null || invitation.organizationId() == null)
					? this.organizations.choose(user, organizationId, clientId) : invitation.organizationId();
			this.users.recordSignIn(user.id());
			return this.sessions.start(user.id(), clientId, organization);
		});
	}

}
