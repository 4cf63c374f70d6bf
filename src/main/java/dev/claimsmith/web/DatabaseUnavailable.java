package dev.claimsmith.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.pool.HikariPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one mapping from "the database cannot be reached, or did not answer in time" to the
 * contract's 503 {@code database_unavailable} with {@code Retry-After}: no connection
 * within the pool's {@code connection-timeout}, a connection lost mid-request (the server
 * stopped or restarted), a statement past its timeout. The exception handler (failures in
 * endpoints) and the request filter (failures in filters, such as the API-key check) both
 * answer through it. The request's transaction, if any, was rolled back, so a 503 never
 * leaves half a write behind; a client retries it like any 503.
 * <p>
 * Contended rows ({@link ConcurrencyFailureException}, also transient) are not an outage:
 * they stay the 409 of {@link ApiExceptionHandler}.
 */
public final class DatabaseUnavailable {

	/** Hikari starts a new connection within this once the database is back. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	/** Whether {@code ex}, or any of its causes, says the database is unreachable. */
	public static boolean isCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ConcurrencyFailureException) {
				// A lock wait that timed out (H2 reports it as an SQLTimeoutException).
				return false;
			}
			if (isUnavailability(t)) {
				return true;
			}
			if (t instanceof TransactionSystemException failed) {
				// Commit or rollback on a connection the pool already closed: the
				// request's
				// own failure (if any) is kept aside, not as the cause.
				return failed.getCause() instanceof SQLException || isCause(failed.getApplicationException());
			}
		}
		return false;
	}

	static ApiError body() {
		return new ApiError("database_unavailable",
				"The database is unavailable; retry after " + RETRY_AFTER.toSeconds() + " seconds.", null);
	}

	static ResponseEntity<ApiError> response(Throwable ex) {
		log(ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
			.body(body());
	}

	/** One line, no stack trace: an outage fails every request the same way. */
	public static void log(Throwable ex) {
		logger.warn("Database unavailable, answered 503: {}", ex.toString());
	}

	private static boolean isUnavailability(Throwable t) {
		if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
				|| t instanceof CannotCreateTransactionException || t instanceof HikariPool.PoolInitializationException
				|| t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
				|| t instanceof SQLTimeoutException) {
			return true;
		}
		return t instanceof SQLException sql && isUnavailableState(sql.getSQLState());
	}

	/**
	 * SQLSTATE classes 08 (connection exception), 53 (insufficient resources, such as too
	 * many connections) and 57 (operator intervention: shutdown, statement timeout).
	 */
	private static boolean isUnavailableState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57"));
	}

}
