package dev.claimsmith.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Lets the connection pool reconnect within a fraction of a second of the database's
 * return. Hikari opens connections on one thread that, while the database refuses them,
 * waits longer and longer between attempts, up to 5 s: so after an outage of more than a
 * few seconds the service would stay down for up to 5 s more. While the service runs,
 * this has that thread instead retry a refused connection every {@link #POLL}. Requests
 * still wait at most the pool's {@code connection-timeout} (then 503, see
 * web/DatabaseUnavailable). At startup and shutdown a refusal fails at once, as before,
 * and so does every other error (a wrong password, say).
 */
@Component
class DatabaseReconnection implements BeanPostProcessor, SmartLifecycle {

	static final Duration POLL = Duration.ofMillis(200);

	private volatile boolean running;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null) {
			// The same connections Hikari would open from the URL, through the retry.
			pool.setDataSource(new Reconnecting(new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
					pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword())));
		}
		return bean;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Refused for now: no server listening (class 08) or one starting or stopping. */
	static boolean isRefusal(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || "57P03".equals(state));
	}

	private final class Reconnecting extends DelegatingDataSource {

		Reconnecting(DriverDataSource connections) {
			super(connections);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return connect(() -> obtainTargetDataSource().getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return connect(() -> obtainTargetDataSource().getConnection(username, password));
		}

		private Connection connect(Connector connector) throws SQLException {
			while (true) {
				try {
					return connector.connect();
				}
				catch (SQLException ex) {
					if (!DatabaseReconnection.this.running || !isRefusal(ex)) {
						throw ex;
					}
					try {
						Thread.sleep(POLL.toMillis());
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						throw ex;
					}
				}
			}
		}

	}

	@FunctionalInterface
	private interface Connector {

		Connection connect() throws SQLException;

	}

}
