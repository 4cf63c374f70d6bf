package dev.claimsmith.metadata;

import dev.claimsmith.store.ColumnConverters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers metadata's JSON column with the store. */
@Configuration(proxyBeanMethods = false)
class MetadataJdbcConfiguration {

	@Bean
	ColumnConverters metadataColumnConverters() {
		return MetadataJdbcConverters::all;
	}

}
