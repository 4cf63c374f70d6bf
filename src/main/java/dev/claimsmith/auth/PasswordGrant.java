package dev.claimsmith.auth;

import java.time.Duration;
import java.util.Optional;

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

	PasswordGrant(UserService users, LoginThrottle throttle, OrganizationChooser organizations, SessionIssuer sessions,
			TransactionOperations transactions) {
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

}
