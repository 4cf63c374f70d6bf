package dev.claimsmith.keys;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who Claimsmith is to the resource servers that verify its tokens.
 *
 * @param issuer the {@code iss} of every token and the discovery document's issuer: an
 * absolute http(s) URL without query or fragment (RFC 8414 section 2)
 * @param clientId the one configured client: the {@code client_id} claim and the id under
 * {@code /sso/jwks/{client_id}}
 */
@ConfigurationProperties("claimsmith")
public record IssuerProperties(@DefaultValue("http://localhost:8080") String issuer,
		@DefaultValue("client_claimsmith") String clientId) {

	public IssuerProperties {
		URI uri = URI.create(issuer);
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalArgumentException(
					"claimsmith.issuer must be an absolute http(s) URL without query or fragment, not '" + issuer
							+ "'");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("claimsmith.client-id must not be blank");
		}
	}

	/** An absolute URL under the issuer, e.g. {@code endpoint("/oauth2/introspect")}. */
	String endpoint(String path) {
		String base = this.issuer.endsWith("/") ? this.issuer.substring(0, this.issuer.length() - 1) : this.issuer;
		return base + path;
	}

}
