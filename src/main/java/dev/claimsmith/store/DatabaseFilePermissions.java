package dev.claimsmith.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database holds password hashes and every user's data: its folder and
 * files are created owner-only (700 and 600), whatever the umask. The folder is created
 * before the first connection, so H2's files are never reachable by others even for a
 * moment; the files H2 then creates are narrowed once the service has started. Existing
 * folders and files keep the modes an operator gave them. Nothing happens for PostgreSQL,
 * an in-memory database or a file system without POSIX permissions.
 */
@Component
class DatabaseFilePermissions implements BeanPostProcessor, ApplicationListener<ApplicationStartedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseFilePermissions.class);

	private static final String H2_FILE = "jdbc:h2:file:";

	private final Path database;

	private boolean prepared;

	private boolean folderCreated;

	private boolean fileExisted;

	DatabaseFilePermissions(Environment environment) {
		this.database = h2File(environment.getProperty("spring.datasource.url"));
	}

	/** The database path of a file URL ({@code ./data/claimsmith}), else null. */
	static Path h2File(String url) {
		if (url == null || !url.startsWith(H2_FILE)
				|| !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return null;
		}
		String path = url.substring(H2_FILE.length());
		int settings = path.indexOf(';');
		path = (settings < 0) ? path : path.substring(0, settings);
		if (path.startsWith("~/")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path).toAbsolutePath().normalize();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource && this.database != null && !this.prepared) {
			this.prepared = true;
			Path folder = this.database.getParent();
			this.fileExisted = Files.exists(dataFile());
			if (!Files.exists(folder)) {
				try {
					Files.createDirectories(folder,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
					this.folderCreated = true;
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot create the database folder " + folder, ex);
				}
			}
		}
		return bean;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (this.database == null || !this.prepared || this.fileExisted) {
			return;
		}
		String prefix = this.database.getFileName().toString() + ".";
		try (Stream<Path> files = Files.list(this.database.getParent())) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(prefix)).toList()) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot make the database files in {} owner-only: {}", this.database.getParent(),
					ex.getMessage());
		}
		if (this.folderCreated) {
			logger.info("Created the database folder {} (owner-only)", this.database.getParent());
		}
	}

	private Path dataFile() {
		return this.database.resolveSibling(this.database.getFileName() + ".mv.db");
	}

}
