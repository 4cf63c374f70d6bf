package dev.claimsmith.metadata;

import java.util.LinkedHashMap;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Stores each metadata class as a JSON text column: one row per object keeps a partial
 * update or a merge patch a single-row read-modify-write under the row's lock.
 */
public final class MetadataJdbcConverters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Resolved once: resolving the type per read showed in mint profiles.
	private static final ObjectReader MAP_READER = JSON.readerFor(new TypeReference<LinkedHashMap<String, String>>() {
	});

	private MetadataJdbcConverters() {
	}

	static List<Converter<?, ?>> all() {
		return List.of(new Writing(), new Reading(), new JsonWriting(), new JsonReading());
	}

	/** Metadata from its stored JSON column, for queries mapped by hand. */
	public static Metadata read(String json) {
		return "{}".equals(json) ? Metadata.empty() : Metadata.of(MAP_READER.readValue(json));
	}

	@WritingConverter
	static final class JsonWriting implements Converter<JsonMetadata, String> {

		@Override
		public String convert(JsonMetadata metadata) {
			return metadata.toJson();
		}

	}

	@ReadingConverter
	static final class JsonReading implements Converter<String, JsonMetadata> {

		@Override
		public JsonMetadata convert(String json) {
			return JsonMetadata.fromStored(json);
		}

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
			return read(json);
		}

	}

}
