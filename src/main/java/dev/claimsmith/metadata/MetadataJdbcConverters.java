package dev.claimsmith.metadata;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Stores each metadata class as a JSON text column: one row per object keeps a partial
 * update or a merge patch a single-row read-modify-write under the row's lock.
 */
final class MetadataJdbcConverters {

	private MetadataJdbcConverters() {
	}

	static List<Converter<?, ?>> all() {
		return List.of(new JsonWriting(), new JsonReading());
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

}
