package dev.claimsmith.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The claims templates of {@code claimsmith.templates.dir}, one {@code <name>.json} each.
 * Construction does no I/O: every template is read and validated by {@link #load()} at
 * start-up (an invalid one stops the service, naming file, pointer and reason); the
 * folder is then polled ({@code TemplatesReloader}) and edits go live without a restart.
 * A bad edit keeps the last good version in force and is reported in the log and by
 * {@code GET /jwt_templates/{name}}. Thread-safe: readers see an immutable snapshot.
 */
@Component
public class ClaimsTemplates implements SmartInitializingSingleton {

	/** The template used when none is named. */
	public static final String DEFAULT = "default";

	private static final Logger logger = LoggerFactory.getLogger(ClaimsTemplates.class);

	private final TemplateCompiler compiler;

	private final TemplateFolder folder;

	private final ClerkTemplateCompiler clerkCompiler;

	private final DatabaseTemplates stored;

	private volatile Map<String, TemplateFile> files = Map.of();

	/** Templates of the folder only, with no database (unit tests, tools). */
	ClaimsTemplates(TemplateProperties properties) {
		this(properties, null, Clock.systemUTC());
	}

	@Autowired
	ClaimsTemplates(TemplateProperties properties, StoredTemplateRows rows, Clock clock) {
		this.compiler = new TemplateCompiler(properties);
		this.folder = new TemplateFolder(properties.dir(), this.compiler, properties.maxTemplateBytes());
		this.clerkCompiler = new ClerkTemplateCompiler(properties);
		this.stored = new DatabaseTemplates(rows, this.compiler, this.clerkCompiler, clock);
	}

	/** Start-up: the application's one call of {@link #load()}. */
	@Override
	public void afterSingletonsInstantiated() {
		load();
	}

	/**
	 * Reads and validates every template of the folder.
	 * @throws IllegalStateException naming every invalid template (file, pointer,
	 * reason), or when the folder cannot be read
	 */
	synchronized void load() {
		this.files = loadAll();
		this.stored.reload();
	}

	/**
	 * The template in force under {@code name} (the last good version), if any: a file,
	 * else a stored template.
	 */
	public Optional<ClaimsTemplate> find(String name) {
		TemplateFile file = this.files.get(name);
		if (file != null) {
			return Optional.ofNullable(file.live());
		}
		return this.stored.find(name);
	}

	/**
	 * Compiles template text without storing it.
	 * @throws TemplateException listing every problem, each with its claim's pointer
	 */
	public ClaimsTemplate compile(String name, String templateText) {
		return this.compiler.compile(name, templateText);
	}

	/**
	 * Compiles the JSON-object form of a template, in which every tag is inside a string
	 * (so every tag renders text), without storing it.
	 * @throws TemplateException listing every problem, each with its claim's pointer
	 */
	public ClaimsTemplate compile(String name, JsonNode objectTemplate) {
		return this.compiler.compile(name, objectTemplate);
	}

	/**
	 * Compiles a template in Clerk's dialect without storing it.
	 * @param claims the claims object as JSON text, whose string values may be shortcodes
	 * @param lifetime the tokens' lifetime (30 s to 10 years), or null for Clerk's 60 s
	 * @param allowedClockSkew 0 to 300 s, or null for Clerk's 5 s
	 * @throws TemplateException listing every problem, each with its claim's pointer
	 */
	public ClaimsTemplate compileClerk(String name, String claims, Duration lifetime, Duration allowedClockSkew) {
		return this.clerkCompiler.compile(name, claims, lifetime, allowedClockSkew);
	}

	/** Names of the templates on disk, sorted. */
	List<String> names() {
		return List.copyOf(this.files.keySet());
	}

	/** The files, then the stored templates whose names no file takes. */
	List<TemplateFile> files() {
		List<TemplateFile> all = new ArrayList<>(this.files.values());
		this.stored.entries()
			.stream()
			.filter((entry) -> !this.files.containsKey(entry.row().name()))
			.forEach((entry) -> all.add(entry.file()));
		return all;
	}

	Optional<TemplateFile> file(String name) {
		TemplateFile file = this.files.get(name);
		if (file != null) {
			return Optional.of(file);
		}
		return this.stored.entries()
			.stream()
			.filter((entry) -> entry.row().name().equals(name))
			.findFirst()
			.map(DatabaseTemplates.Entry::file);
	}

	/** The templates stored in the database, by name. */
	public List<StoredTemplate> storedTemplates() {
		return this.stored.entries().stream().map(DatabaseTemplates.Entry::row).toList();
	}

	public Optional<StoredTemplate> storedTemplate(String id) {
		return this.stored.byId(id);
	}

	/**
	 * Validates a new template (name rules, no name a file or stored template has, the
	 * dialect's compiler, a sample render) and only then stores it and puts it in force.
	 * @param lifetime for the Clerk dialect, its lifetime or null for Clerk's default
	 * @param allowedClockSkew for the Clerk dialect, its clock skew or null for Clerk's
	 * default
	 * @throws TemplateException naming the problems; nothing is stored
	 */
	public StoredTemplate createStored(String name, TemplateDialect dialect, String content, Duration lifetime,
			Duration allowedClockSkew) {
		StoredTemplate created = this.stored.create(name, dialect, content, lifetime, allowedClockSkew,
				this.files::containsKey);
		logger.info("Stored claims template '{}' ({}) created", name, dialect.jsonName());
		return created;
	}

	/**
	 * Replaces a stored template, validated as {@link #createStored} validates.
	 * @return the template as now stored, or empty if there is none with that id
	 * @throws TemplateException naming the problems; nothing is stored
	 */
	public Optional<StoredTemplate> updateStored(String id, String name, String content, Duration lifetime,
			Duration allowedClockSkew) {
		return this.stored.update(id, name, content, lifetime, allowedClockSkew, this.files::containsKey);
	}

	/**
	 * Deletes a stored template.
	 * @return whether there was such a stored template
	 */
	public boolean deleteStored(String id) {
		return this.stored.delete(id);
	}

	/** The compiled form of a stored template, as minting sees it. */
	public ClaimsTemplate compiled(StoredTemplate template) {
		return this.stored.compile(template);
	}

	/**
	 * Validates {@code content} and, only if it compiles, atomically replaces the
	 * template's file and puts it in force.
	 * @throws TemplateException if the content does not compile; nothing is written
	 */
	synchronized TemplateFile replace(String name, String content) {
		ClaimsTemplate compiled = this.compiler.compile(name, content);
		try {
			TemplateFile written = this.folder.write(name, content, compiled);
			Map<String, TemplateFile> next = new TreeMap<>(this.files);
			next.put(name, written);
			this.files = Collections.unmodifiableMap(next);
			logger.info("Claims template '{}' replaced", name);
			warn(this.folder.dir().resolve(name + ".json"), written);
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write template " + name, ex);
		}
	}

	/**
	 * Re-reads the folder; called by {@code TemplatesReloader}, and by tests directly.
	 */
	synchronized void reload() {
		reloadStored();
		TemplateFolder.Listing listing;
		try {
			listing = this.folder.list();
		}
		catch (IOException ex) {
			logger.warn("Cannot list claims templates in {}: {}", this.folder.dir(), ex.getMessage());
			return;
		}
		listing.misnamed().forEach((path) -> logger.warn("Ignoring {}: not a valid template name", path));
		Map<String, TemplateFile> next = new TreeMap<>();
		listing.files().forEach((name, path) -> {
			TemplateFile previous = this.files.get(name);
			try {
				TemplateFile current = this.folder.read(name, path, previous);
				if (current != previous) {
					report(path, current);
				}
				next.put(name, current);
			}
			catch (IOException ex) {
				logger.warn("Cannot read claims template {}: {}", path, ex.getMessage());
				if (previous != null) {
					next.put(name, previous);
				}
			}
		});
		this.files.keySet()
			.stream()
			.filter((name) -> !next.containsKey(name))
			.forEach((name) -> logger.info("Claims template '{}' removed", name));
		this.files = Collections.unmodifiableMap(next);
	}

	private void reloadStored() {
		try {
			this.stored.reload();
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot read stored claims templates: {}", ex.getMessage());
		}
	}

	private Map<String, TemplateFile> loadAll() {
		Path dir = this.folder.dir();
		List<String> problems = new ArrayList<>();
		Map<String, TemplateFile> loaded = new TreeMap<>();
		try {
			TemplateFolder.Listing listing = this.folder.list();
			listing.misnamed()
				.forEach((path) -> problems
					.add(path + ": file name must be <name>.json with name " + TemplateFolder.NAME.pattern()));
			for (Map.Entry<String, Path> entry : listing.files().entrySet()) {
				TemplateFile file = this.folder.read(entry.getKey(), entry.getValue(), null);
				file.errors()
					.forEach((error) -> problems.add(entry.getValue() + " at "
							+ (error.path().isEmpty() ? "/" : error.path()) + ": " + error.message()));
				warn(entry.getValue(), file);
				loaded.put(entry.getKey(), file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read claims templates in " + dir + ": " + ex.getMessage(), ex);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid claims templates:\n  " + String.join("\n  ", problems));
		}
		if (!loaded.containsKey(DEFAULT)) {
			logger.warn("No {}/{}.json: there is no default claims template", dir, DEFAULT);
		}
		logger.info("Loaded claims templates {} from {}", loaded.keySet(), dir);
		return Collections.unmodifiableMap(loaded);
	}

	/** Loads with a warning: the template works, but its author should know. */
	private static void warn(Path path, TemplateFile file) {
		file.warnings()
			.forEach((warning) -> logger.warn("Claims template {} at {}: {}", path,
					warning.path().isEmpty() ? "/" : warning.path(), warning.message()));
	}

	private static void report(Path path, TemplateFile file) {
		if (file.valid()) {
			logger.info("Claims template {} (re)loaded", path);
			warn(path, file);
		}
		else {
			logger.warn("Claims template {} is invalid, keeping the last good version: {}", path, file.errors());
		}
	}

}
