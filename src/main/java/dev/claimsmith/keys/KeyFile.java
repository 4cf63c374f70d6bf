package dev.claimsmith.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private JWK set on disk: {@code jwks.json} in a folder only its owner may enter.
 * The file is a JWK set whose top-level {@code lifecycle} member maps each {@code kid} to
 * its {@code created_at}, {@code activates_at} and {@code retired_at} (ISO-8601); JWK
 * parameters carry no lifecycle, since verifiers that honour a JWK {@code exp} would drop
 * a retired key while its tokens live.
 * <p>
 * Writes replace the file atomically (temp file, then rename), so readers need no lock
 * and never see half a file. Read-modify-write runs under {@link #locked}: an OS file
 * lock against other processes sharing the folder, plus an in-process lock because the OS
 * lock belongs to the whole JVM.
 */
final class KeyFile {

	static final String FILE_NAME = "jwks.json";

	static final Set<PosixFilePermission> FOLDER_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

	private static final Logger logger = LoggerFactory.getLogger(KeyFile.class);

	private static final Map<Path, ReentrantLock> processLocks = new ConcurrentHashMap<>();

	private final Path dir;

	private final Path file;

	private final Path lockFile;

	private final boolean posix;

	KeyFile(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
		this.file = this.dir.resolve(FILE_NAME);
		this.lockFile = this.dir.resolve(FILE_NAME + ".lock");
		this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	Path path() {
		return this.file;
	}

	/**
	 * Creates the folder (mode 700) when missing. Looser modes on the folder or the file
	 * are tightened with a warning rather than refused: refusing would not undo an
	 * exposure, and the warning tells the operator to rotate.
	 */
	void prepare() {
		try {
			if (!Files.isDirectory(this.dir)) {
				Files.createDirectories(this.dir.getParent());
				Files.createDirectory(this.dir, attributes(FOLDER_PERMISSIONS));
			}
			// A folder that never held keys (a fresh checkout's keys/) is tightened
			// quietly.
			boolean holdsKeys = Files.exists(this.file);
			restrict(this.dir, FOLDER_PERMISSIONS, holdsKeys);
			if (holdsKeys) {
				restrict(this.file, FILE_PERMISSIONS, true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the keys folder " + this.dir, ex);
		}
	}

	/** The keys in the file, or empty when there is no file yet. */
	Optional<List<StoredKey>> read() {
		String text;
		try {
			text = Files.readString(this.file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.file, ex);
		}
		return Optional.of(parse(text));
	}

	void write(List<StoredKey> keys) {
		byte[] bytes = serialize(keys).getBytes(StandardCharsets.UTF_8);
		Path temp = null;
		try {
			temp = Files.createTempFile(this.dir, "." + FILE_NAME + "-", ".tmp", attributes(FILE_PERMISSIONS));
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(bytes));
				channel.force(true);
			}
			move(temp, this.file);
			temp = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/** Runs {@code action} holding the folder's lock, shared with other processes. */
	<T> T locked(Supplier<T> action) {
		ReentrantLock processLock = processLocks.computeIfAbsent(this.dir, (key) -> new ReentrantLock());
		processLock.lock();
		try (FileChannel channel = FileChannel.open(this.lockFile,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes(FILE_PERMISSIONS));
				FileLock lock = channel.lock()) {
			return action.get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + this.lockFile, ex);
		}
		finally {
			processLock.unlock();
		}
	}

	/**
	 * Identifies the file's current version cheaply: an atomic replace gives a new inode,
	 * so the stamp changes even within the file system's timestamp granularity.
	 */
	Stamp stamp() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			return new Stamp(attributes.lastModifiedTime(), attributes.fileKey(), attributes.size());
		}
		catch (NoSuchFileException ex) {
			return Stamp.MISSING;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the attributes of " + this.file, ex);
		}
	}

	private static List<StoredKey> parse(String text) {
		JWKSet set;
		try {
			set = JWKSet.parse(text);
		}
		catch (ParseException ex) {
			// No cause attached: parser messages may quote the file, which holds private
			// keys.
			throw new UnusableKeyException(FILE_NAME + " is not a valid JWK set");
		}
		Map<?, ?> lifecycles = (set.getAdditionalMembers().get("lifecycle") instanceof Map<?, ?> map) ? map : Map.of();
		List<StoredKey> keys = new ArrayList<>();
		for (JWK jwk : set.getKeys()) {
			Object lifecycle = (jwk.getKeyID() != null) ? lifecycles.get(jwk.getKeyID()) : null;
			keys.add(new StoredKey(jwk,
					(lifecycle instanceof Map<?, ?> map) ? lifecycle(jwk.getKeyID(), map) : KeyLifecycle.UNRECORDED));
		}
		return keys;
	}

	private static KeyLifecycle lifecycle(String kid, Map<?, ?> json) {
		try {
			Instant created = instant(json.get("created_at"));
			Instant activates = instant(json.get("activates_at"));
			return new KeyLifecycle((created != null) ? created : Instant.EPOCH,
					(activates != null) ? activates : Instant.EPOCH, instant(json.get("retired_at")));
		}
		catch (RuntimeException ex) {
			throw new UnusableKeyException("The lifecycle of key '" + kid + "' in " + FILE_NAME
					+ " has an invalid timestamp (expected ISO-8601, e.g. 2025-01-31T12:00:00Z)");
		}
	}

	private static Instant instant(Object value) {
		return (value != null) ? Instant.parse(value.toString()) : null;
	}

	private static String serialize(List<StoredKey> keys) {
		Map<String, Object> lifecycles = new LinkedHashMap<>();
		for (StoredKey key : keys) {
			Map<String, Object> lifecycle = new LinkedHashMap<>();
			lifecycle.put("created_at", key.lifecycle().createdAt().toString());
			lifecycle.put("activates_at", key.lifecycle().activatesAt().toString());
			if (key.lifecycle().retiredAt() != null) {
				lifecycle.put("retired_at", key.lifecycle().retiredAt().toString());
			}
			lifecycles.put(key.kid(), lifecycle);
		}
		List<JWK> jwks = keys.stream().map(StoredKey::jwk).toList();
		return new JWKSet(jwks, Map.of("lifecycle", lifecycles)).toString(false);
	}

	private static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The keys folder must support atomic renames", ex);
		}
	}

	private void restrict(Path path, Set<PosixFilePermission> wanted, boolean warn) throws IOException {
		if (!this.posix) {
			return;
		}
		Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
		if (actual.equals(wanted)) {
			return;
		}
		Files.setPosixFilePermissions(path, wanted);
		if (warn && !wanted.containsAll(actual)) {
			logger.warn(
					"{} was {}, readable or writable beyond its owner; set it to {}. If others could read the "
							+ "keys, rotate them.",
					path, PosixFilePermissions.toString(actual), PosixFilePermissions.toString(wanted));
		}
	}

	private FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
		return this.posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

	private static void deleteQuietly(Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the temporary key file {}", path);
			}
		}
	}

	record Stamp(FileTime modified, Object fileKey, long size) {

		static final Stamp MISSING = new Stamp(null, null, -1);

	}

}
