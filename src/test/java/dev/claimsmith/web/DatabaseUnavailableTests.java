package dev.claimsmith.web;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are an unavailable database (503) and which stay what they were. The
 * whole path, over HTTP against a stopped PostgreSQL, is deploy/DatabaseOutageTest.
 */
class DatabaseUnavailableTests {

	@Test
	void noConnectionFromThePoolIsUnavailable() {
		SQLTransientConnectionException timeout = new SQLTransientConnectionException(
				"claimsmith - Connection is not available, request timed out after 3000ms.");

		assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection", timeout)))
			.isTrue();
		assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("no transaction", timeout)))
			.isTrue();
	}

	@Test
	void connectionLostMidRequestIsUnavailableAlsoWhenWrappedOrOnlyTheRollbackSaysSo() {
		SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
		SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");

		assertThat(DatabaseUnavailable.isCause(
				new IllegalStateException("wrapped", new UncategorizedSQLException("insert", "INSERT …", terminated))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("select", "SELECT …", ioError))).isTrue();
		// Hikari's closed connection has no SQLSTATE; the rollback on it is what
		// surfaces.
		assertThat(DatabaseUnavailable
			.isCause(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void statementTimeoutIsUnavailable() {
		assertThat(
				DatabaseUnavailable.isCause(new QueryTimeoutException("canceling statement due to statement timeout")))
			.isTrue();
	}

	@Test
	void contendedLocksAndConstraintsAndBugsAreNot() {
		// H2 reports a lock wait past LOCK_TIMEOUT as an SQLTimeoutException: still a
		// 409.
		assertThat(DatabaseUnavailable.isCause(new CannotAcquireLockException("lock",
				new SQLTimeoutException("Timeout trying to lock table", "HYT00"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailable
			.isCause(new UncategorizedSQLException("select", "SELECT …", new SQLException("syntax", "42601"))))
			.isFalse();
	}

}
