package dev.claimsmith.template;

import java.time.Duration;

/**
 * What a template says about the tokens it makes, beyond their claims.
 *
 * @param lifetime the tokens' lifetime, or null when the token configuration decides
 * @param allowedClockSkew how far before issue the token is already valid
 */
record TokenSettings(TemplateDialect dialect, Duration lifetime, Duration allowedClockSkew) {

	static final TokenSettings CLAIMSMITH = new TokenSettings(TemplateDialect.CLAIMSMITH, null, Duration.ZERO);

}
