package dev.claimsmith.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The hook for counting refused authentications, scraped as
 * {@code claimsmith_auth_failures_total{reason}}. Call {@link #record(String)} where a
 * caller is turned away (a bad API key, wrong credentials, a spent refresh token, a
 * throttled login). The usual reasons are registered up front so that dashboards see a
 * zero rather than no series. Thread-safe.
 */
@Component
class AuthFailures {

	/** The counter's name. */
	public static final String METER = "claimsmith.auth.failures";

	/** Missing or invalid API key on a management endpoint. */
	public static final String API_KEY = "api_key";

	/** Wrong email or password. */
	public static final String INVALID_CREDENTIALS = "invalid_credentials";

	/** Unknown, expired or reused refresh token. */
	public static final String INVALID_GRANT = "invalid_grant";

	/** Refused by the login throttle. */
	public static final String THROTTLED = "throttled";

	/** Unknown client id or invalid client secret at the authenticate endpoint. */
	public static final String INVALID_CLIENT = "invalid_client";

	/** A valid API key used outside its scopes. */
	public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

	private final MeterRegistry registry;

	AuthFailures(MeterRegistry registry) {
		this.registry = registry;
		for (String reason : new String[] { API_KEY, INVALID_CREDENTIALS, INVALID_GRANT, THROTTLED, INVALID_CLIENT,
				INSUFFICIENT_SCOPE }) {
			counter(reason);
		}
	}

	/**
	 * Counts one refused authentication.
	 * @param reason a short constant (one of this class's, or another fixed word): never
	 * user input, which would make the series unbounded
	 */
	void record(String reason) {
		counter(reason).increment();
	}

	private Counter counter(String reason) {
		return Counter.builder(METER)
			.description("Refused authentications")
			.tag("reason", reason)
			.register(this.registry);
	}

}
