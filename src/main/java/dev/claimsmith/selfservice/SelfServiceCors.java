package dev.claimsmith.selfservice;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for {@code /me} only, from {@code claimsmith.me.allowed-origins}: the management
 * API is never called from browsers. Credentials are a bearer token, never cookies, so
 * credentialed CORS stays off.
 */
@Configuration(proxyBeanMethods = false)
class SelfServiceCors implements WebMvcConfigurer {

	private final SelfServiceProperties properties;

	SelfServiceCors(SelfServiceProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.properties.allowedOrigins().isEmpty()) {
			return;
		}
		registry.addMapping("/me")
			.allowedOrigins(this.properties.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "PATCH")
			.allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH)
			.exposedHeaders(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER)
			.allowCredentials(false)
			.maxAge(600);
	}

}
