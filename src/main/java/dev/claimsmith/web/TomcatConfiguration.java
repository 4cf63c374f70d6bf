package dev.claimsmith.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * External ids are any printable ASCII, '/' and '\' included, and are looked up by path
 * ({@code /organizations/external_id/a%2Fb}). Tomcat refuses an encoded slash or
 * backslash by default; passing them through keeps them inside one path segment, which
 * Spring then decodes.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashInPathSegments() {
		return (connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setEncodedReverseSolidusHandling("passthrough");
		};
	}

}
