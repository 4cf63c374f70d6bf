package dev.claimsmith.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one JSON mapper of the service: snake_case on the wire, strict parsing (duplicate
 * keys and trailing tokens rejected) and bounded input (nesting depth, string and number
 * length) and strict UTF-8, so hostile JSON is a 422, never an exhausted server.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapper jsonMapper(WebProperties properties) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(properties.maxJsonDepth())
				.maxStringLength((int) properties.maxBodySize().toBytes())
				.maxNumberLength(100)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.inputDecorator(new StrictUtf8())
			.build();
		return JsonMapper.builder(factory)
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

}
