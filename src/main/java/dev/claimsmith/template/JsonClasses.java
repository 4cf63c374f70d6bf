package dev.claimsmith.template;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a metadata class from its stored compact JSON text into the plain values a
 * template renders: maps, lists, strings, booleans, Long/BigInteger/BigDecimal numbers
 * (decimals exactly as stored), null.
 */
final class JsonClasses {

	// Built once: resolving the type per read shows in mint profiles.
	private static final ObjectReader READER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build()
		.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
		});

	private JsonClasses() {
	}

	/** The class as a map; null or {@code {}} (most rows) without parsing. */
	static Map<String, Object> read(String json) {
		if (json == null || "{}".equals(json)) {
			return Map.of();
		}
		return READER.readValue(json);
	}

}
