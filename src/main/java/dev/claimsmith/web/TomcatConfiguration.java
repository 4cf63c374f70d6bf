package dev.claimsmith.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * External ids are any printable ASCII, '/' and '\' included, and are looked up by path
 * ({@code /organizations/external_id/a%2Fb}). Tomcat refuses an encoded slash or
 * backslash by default; passing them through keeps them inside one path segment, which
 * Spring then decodes. Errors Tomcat answers itself, before any filter or controller (a
 * malformed URL, say), are written in the contract's JSON shape too.
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

	@Bean
	TomcatContextCustomizer jsonErrorsFromTomcat() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		};
	}

}
