package dev.claimsmith;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Which database the service runs on in tests: the system property {@value #PROPERTY} is
 * {@code h2} (default: an in-memory H2 shared by every context of the JVM) or
 * {@code postgres} (the {@code postgres} profile, configured exactly as in production
 * through {@code CLAIMSMITH_DB_*}, over {@link LocalPostgres}). The build runs the
 * database tests once per value.
 *
 * <p>
 * Both an {@link ActiveProfilesResolver} (the profile must be known before configuration
 * files are read) and an {@link ApplicationContextInitializer} (the connection settings).
 * The settings rank just below a test's own inlined properties, so a test can still
 * override them.
 */
public final class TestDatabase
		implements ActiveProfilesResolver, ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROPERTY = "claimsmith.test.database";

	static final String H2_URL = "jdbc:h2:mem:claimsmith-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

	private static final String SOURCE_NAME = "claimsmithTestDatabase";

	/** True in the PostgreSQL run of the tests. */
	public static boolean isPostgres() {
		String value = System.getProperty(PROPERTY, "h2").trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "postgres", "postgresql" -> true;
			case "h2", "" -> false;
			default -> throw new IllegalStateException(PROPERTY + " must be h2 or postgres, not '" + value + "'");
		};
	}

	/** The profiles a service under test runs with. */
	public static String[] profiles() {
		return isPostgres() ? new String[] { "postgres" } : new String[0];
	}

	/** The connection settings a service under test gets, as properties. */
	public static Map<String, Object> properties() {
		if (isPostgres()) {
			LocalPostgres postgres = LocalPostgres.shared();
			return Map.of("CLAIMSMITH_DB_URL", postgres.url(), "CLAIMSMITH_DB_USER", postgres.username(),
					"CLAIMSMITH_DB_PASSWORD", postgres.password());
		}
		return Map.of("spring.datasource.url", H2_URL);
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return profiles();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		MapPropertySource source = new MapPropertySource(SOURCE_NAME, properties());
		if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

}
