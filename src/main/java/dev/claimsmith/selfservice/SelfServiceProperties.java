package dev.claimsmith.selfservice;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code /me}.
 *
 * @param allowedOrigins browser origins allowed to call {@code /me} (CORS); none by
 * default, so only same-origin pages and non-browser clients can
 * @param writesPerWindow how many {@code PATCH /me} one user may send per window
 * @param writeWindow the window of {@code writesPerWindow}
 */
@ConfigurationProperties("claimsmith.me")
record SelfServiceProperties(List<String> allowedOrigins, @DefaultValue("10") int writesPerWindow,
		@DefaultValue("1m") Duration writeWindow) {

	SelfServiceProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		if (allowedOrigins.contains("*")) {
			// A wildcard would let any site read a signed-in user's data with their
			// token.
			throw new IllegalArgumentException("claimsmith.me.allowed-origins must name origins, not '*'");
		}
		if (writesPerWindow < 1) {
			throw new IllegalArgumentException("claimsmith.me.writes-per-window must be at least 1");
		}
		if (writeWindow.isNegative() || writeWindow.isZero()) {
			throw new IllegalArgumentException("claimsmith.me.write-window must be positive");
		}
	}

}
