package dev.claimsmith.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Stores metadata as a JSON text column: one row per object keeps a partial update a
 * single-row read-modify-write under the row's lock.
 */
public final class MetadataJdbcConverters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private MetadataJdbcConverters() {
	}

	public static List<Converter<?, ?>> all() {
		return List.of(new Writing(), new Reading());
	}

	@WritingConverter
	static final class Writing implements Converter<Metadata, String> {

		@Override
		public String convert(Metadata metadata) {
			return JSON.writeValueAsString(metadata.asMap());
		}

	}

	@ReadingConverter
	static final class Reading implements Converter<String, Metadata> {

		@Override
		public Metadata convert(String json) {
			Map<String, String> entries = JSON.readValue(json, MAP);
			return Metadata.of(entries);
		}

	}

}
