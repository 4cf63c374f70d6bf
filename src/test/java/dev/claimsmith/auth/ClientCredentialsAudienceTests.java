package dev.claimsmith.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsAudienceTests {

	@Test
	void aRequestToTheIssuersOwnHostIsAcceptedForItsAudience() {
		assertThat(ClientCredentialsController.acceptedAudiences(null, "https://claimsmith.example.com",
				"claimsmith.example.com"))
			.containsExactly("https://claimsmith.example.com/api/v2/");
		assertThat(ClientCredentialsController.acceptedAudiences("", "https://localhost:8443", "localhost:8443"))
			.containsExactly("https://localhost:8443/api/v2/");
	}

	@Test
	void withoutAConfiguredDomainTheIssuersHostAndTheRequestsHostAreAccepted() {
		assertThat(ClientCredentialsController.acceptedAudiences(null, "https://claimsmith.example.com",
				"auth.internal:8443"))
			.containsExactlyInAnyOrder("https://claimsmith.example.com/api/v2/", "https://auth.internal:8443/api/v2/");
		assertThat(ClientCredentialsController.acceptedAudiences(null, "https://claimsmith.example.com", null))
			.containsExactly("https://claimsmith.example.com/api/v2/");
	}

	@Test
	void aConfiguredDomainIsTheOnlyAudience() {
		assertThat(ClientCredentialsController.acceptedAudiences(" tenant.example.com ",
				"https://claimsmith.example.com", "claimsmith.example.com"))
			.containsExactly("https://tenant.example.com/api/v2/");
	}

}
