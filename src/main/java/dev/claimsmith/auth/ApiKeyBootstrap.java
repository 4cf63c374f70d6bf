package dev.claimsmith.auth;

import java.io.PrintStream;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the service can be called: registers {@code claimsmith.api-key}
 * ({@code CLAIMSMITH_API_KEY}) when set; otherwise, on a start with no active key stored,
 * generates one and prints it once to standard output. It is never logged. Both are
 * {@code admin} keys.
 */
@Component
class ApiKeyBootstrap implements SmartInitializingSingleton {

	private final ApiKeys apiKeys;

	private final AuthProperties properties;

	private final PrintStream console;

	ApiKeyBootstrap(ApiKeys apiKeys, AuthProperties properties) {
		this.apiKeys = apiKeys;
		this.properties = properties;
		this.console = System.out;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String configured = this.properties.apiKey();
		if (configured != null && !configured.isBlank()) {
			this.apiKeys.register(configured.trim());
			return;
		}
		if (!this.apiKeys.anyActive()) {
			String key = this.apiKeys.generate();
			this.console.println();
			this.console.println("Claimsmith generated an API key. It is shown this once and stored only as a hash:");
			this.console.println();
			this.console.println("    " + key);
			this.console.println();
			this.console
				.println("Send it as 'Authorization: Bearer <key>'. Set CLAIMSMITH_API_KEY to choose your own.");
			this.console.println();
		}
	}

}
