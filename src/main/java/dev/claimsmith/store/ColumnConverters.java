package dev.claimsmith.store;

import java.util.List;

/**
 * Spring Data JDBC converters a module contributes for its value types stored in single
 * columns (metadata as JSON, typed ids as text). Declare one as a bean; the store
 * registers them all, so the store knows no module's types.
 */
@FunctionalInterface
public interface ColumnConverters {

	/** Reading and writing converters, annotated as Spring Data expects. */
	List<?> converters();

}
