package dev.claimsmith.bench;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The floor of a request on this stack: a Spring Boot application with only what a plain
 * Spring MVC service has (Tomcat, the dispatcher, Jackson, the error page) and two
 * endpoints shaped like Claimsmith's: {@code GET /floor} answers a small list as
 * {@code GET /keys} does, {@code POST /floor} reads a JSON body and answers a token-sized
 * one as a mint does, without the signature. No filters, no request log, no metrics, no
 * database. {@code bench/pin.sh} runs it on the same core with the same load, so the
 * difference to Claimsmith's figures is what Claimsmith itself adds.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, HttpEncodingAutoConfiguration.class })
@RestController
public class FloorApplication {

	// The size of an RS256 access token for the benchmark's subject.
	private static final String TOKEN = "x".repeat(840);

	@GetMapping(path = "/floor", produces = "application/json")
	Map<String, Object> list() {
		return Map.of("object", "list", "data",
				List.of(new Key("signing_key", "5tZhk8tSXekmffwhu8Cgii6rZeHgVHwWS6IGTFyj4Mo", "RS256", "active",
						"2026-12-04T18:38:23.531408207Z")),
				"list_metadata", Map.of());
	}

	@PostMapping(path = "/floor", produces = "application/json")
	Token mint(@RequestBody JsonNode body) {
		if (!body.path("user_id").isString()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "user_id");
		}
		return new Token(TOKEN, "Bearer", 300);
	}

	record Key(String object, String kid, String alg, String status, String createdAt) {
	}

	record Token(String accessToken, String tokenType, long expiresIn) {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FloorApplication.class);
		// Not the service's application.yml, which is on this class path too.
		application.setDefaultProperties(Map.of("spring.config.name", "floor", "spring.main.banner-mode", "off"));
		application.run(args);
	}

}
