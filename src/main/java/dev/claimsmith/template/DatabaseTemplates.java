package dev.claimsmith.template;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.claimsmith.store.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;

/**
 * The templates stored in the database, compiled and held in memory like the files: a
 * write validates first (name rules, the dialect's compiler, a sample render) and only
 * then stores; {@link #reload()} picks up what another node wrote. A row that no longer
 * compiles (after an upgrade) is listed with its errors and not in force. Thread-safe:
 * readers see an immutable snapshot.
 */
final class DatabaseTemplates {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseTemplates.class);

	private final StoredTemplateRows rows;

	private final TemplateCompiler compiler;

	private final ClerkTemplateCompiler clerkCompiler;

	private final Clock clock;

	private volatile Map<String, Entry> byName = Map.of();

	/**
	 * Creates the registry; {@link #reload()} reads the table.
	 * @param rows the table, or null for none (a folder-only setup, as in unit tests)
	 */
	DatabaseTemplates(StoredTemplateRows rows, TemplateCompiler compiler, ClerkTemplateCompiler clerkCompiler,
			Clock clock) {
		this.rows = rows;
		this.compiler = compiler;
		this.clerkCompiler = clerkCompiler;
		this.clock = clock;
	}

	synchronized void reload() {
		if (this.rows == null) {
			return;
		}
		Map<String, Entry> next = new TreeMap<>();
		for (StoredTemplate row : this.rows.all()) {
			Entry previous = this.byName.get(row.name());
			next.put(row.name(), (previous != null && previous.row().equals(row)) ? previous : compiled(row));
		}
		this.byName = Collections.unmodifiableMap(next);
	}

	Optional<ClaimsTemplate> find(String name) {
		Entry entry = this.byName.get(name);
		return Optional.ofNullable((entry != null) ? entry.live() : null);
	}

	List<Entry> entries() {
		return List.copyOf(this.byName.values());
	}

	Optional<StoredTemplate> byId(String id) {
		return this.byName.values().stream().map(Entry::row).filter((row) -> row.id().equals(id)).findFirst();
	}

	/**
	 * Validates and stores a new template.
	 * @param fileNames whether a name is a file template's, which a stored one may not
	 * take
	 */
	synchronized StoredTemplate create(String name, TemplateDialect dialect, String content, Duration lifetime,
			Duration allowedClockSkew, Predicate<String> fileNames) {
		checkName(name, null, fileNames);
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		StoredTemplate row = new StoredTemplate(Ids.next("jtmp"), name, dialect, content, lifetime, allowedClockSkew,
				now, now);
		ClaimsTemplate live = compile(row);
		try {
			requireRows().insert(normalized(row, live));
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		put(new Entry(normalized(row, live), live, List.of()), null);
		return normalized(row, live);
	}

	synchronized Optional<StoredTemplate> update(String id, String name, String content, Duration lifetime,
			Duration allowedClockSkew, Predicate<String> fileNames) {
		Optional<StoredTemplate> existing = byId(id);
		if (existing.isEmpty()) {
			return Optional.empty();
		}
		StoredTemplate old = existing.get();
		checkName(name, old.name(), fileNames);
		StoredTemplate row = old.with(name, content, lifetime, allowedClockSkew,
				Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
		ClaimsTemplate live = compile(row);
		StoredTemplate stored = normalized(row, live);
		try {
			if (!requireRows().update(stored)) {
				return Optional.empty();
			}
		}
		catch (DuplicateKeyException ex) {
			throw taken(name);
		}
		put(new Entry(stored, live, List.of()), old.name());
		logger.info("Stored claims template '{}' updated", name);
		return Optional.of(stored);
	}

	synchronized boolean delete(String id) {
		Optional<StoredTemplate> existing = byId(id);
		boolean deleted = requireRows().delete(id);
		existing.ifPresent((row) -> {
			Map<String, Entry> next = new TreeMap<>(this.byName);
			next.remove(row.name());
			this.byName = Collections.unmodifiableMap(next);
		});
		return deleted;
	}

	/** Compiles a row in its dialect (for a write: before anything is stored). */
	ClaimsTemplate compile(StoredTemplate row) {
		return switch (row.dialect()) {
			case CLERK -> this.clerkCompiler.compile(row.name(), row.content(), row.lifetime(), row.allowedClockSkew());
			case CLAIMSMITH -> this.compiler.compile(row.name(), row.content());
		};
	}

	private Entry compiled(StoredTemplate row) {
		try {
			return new Entry(row, compile(row), List.of());
		}
		catch (TemplateException ex) {
			logger.warn("Stored claims template '{}' ({}) does not compile, not in force: {}", row.name(), row.id(),
					ex.errors());
			return new Entry(row, null, ex.errors());
		}
	}

	/** As stored: the Clerk dialect's defaults written out, as Clerk shows them. */
	private static StoredTemplate normalized(StoredTemplate row, ClaimsTemplate live) {
		if (row.dialect() != TemplateDialect.CLERK) {
			return row;
		}
		return row.with(row.name(), row.content(), live.lifetime().orElse(null), live.allowedClockSkew(),
				row.updatedAt());
	}

	private void checkName(String name, String current, Predicate<String> fileNames) {
		if (name == null || !TemplateFolder.NAME.matcher(name).matches()) {
			throw new TemplateException("", "Template name must match " + TemplateFolder.NAME.pattern());
		}
		if (name.equals(current)) {
			return;
		}
		if (fileNames.test(name) || this.byName.containsKey(name)) {
			throw taken(name);
		}
	}

	private static TemplateException taken(String name) {
		return new TemplateException("", "A template named '" + name + "' already exists");
	}

	private void put(Entry entry, String oldName) {
		Map<String, Entry> next = new TreeMap<>(this.byName);
		if (oldName != null) {
			next.remove(oldName);
		}
		next.put(entry.row().name(), entry);
		this.byName = Collections.unmodifiableMap(next);
	}

	private StoredTemplateRows requireRows() {
		if (this.rows == null) {
			throw new IllegalStateException("No template store");
		}
		return this.rows;
	}

	/**
	 * One stored template as last read.
	 *
	 * @param live the compiled template in force, or null if it does not compile
	 */
	record Entry(StoredTemplate row, ClaimsTemplate live, List<TemplateError> errors) {

		TemplateFile file() {
			return new TemplateFile(this.row.name(), this.row.content(), this.errors, this.live, this.row.createdAt(),
					this.row.updatedAt(), this.row.dialect(), this.row.id());
		}

	}

}
