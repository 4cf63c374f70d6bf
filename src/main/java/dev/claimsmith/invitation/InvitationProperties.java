package dev.claimsmith.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitation settings. Claimsmith sends no email: the application sends
 * {@code accept_invitation_url}, this URL with the token in place of {@code {token}}.
 *
 * @param acceptUrl the application's page that accepts an invitation
 */
@ConfigurationProperties("claimsmith.invitations")
record InvitationProperties(
		@DefaultValue("http://localhost:8080/invitations/accept?invitation_token={token}") String acceptUrl) {

	static final String TOKEN = "{token}";

	InvitationProperties {
		if (!acceptUrl.contains(TOKEN)) {
			throw new IllegalArgumentException(
					"claimsmith.invitations.accept-url must contain " + TOKEN + ", where the token goes: " + acceptUrl);
		}
	}

	String acceptUrlFor(String token) {
		return this.acceptUrl.replace(TOKEN, token);
	}

}
