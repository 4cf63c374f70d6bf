package dev.claimsmith.store;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Spring Data JDBC set-up: the value types modules store in single columns
 * ({@link ColumnConverters}), and unquoted identifiers so the same lower-case names work
 * on H2 and PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

	private final List<ColumnConverters> contributions;

	JdbcConfiguration(List<ColumnConverters> contributions) {
		this.contributions = contributions;
	}

	@Override
	protected List<?> userConverters() {
		return this.contributions.stream().flatMap((contribution) -> contribution.converters().stream()).toList();
	}

	@Override
	public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
			JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
		JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
		context.setForceQuote(false);
		return context;
	}

	@Bean
	CursorPager cursorPager(NamedParameterJdbcTemplate jdbc) {
		return new CursorPager(jdbc);
	}

}
