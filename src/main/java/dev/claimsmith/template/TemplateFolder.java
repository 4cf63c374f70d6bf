package dev.claimsmith.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code templates/} folder: one {@code <name>.json} per template. Reads every file
 * and compiles it; writes a file atomically (temporary file, then rename) so a reader
 * never sees half a template.
 */
final class TemplateFolder {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	private final Path dir;

	private final TemplateCompiler compiler;

	private final int maxBytes;

	TemplateFolder(Path dir, TemplateCompiler compiler, int maxBytes) {
		this.dir = dir;
		this.compiler = compiler;
		this.maxBytes = maxBytes;
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * Template files by name; files whose name is not a template name are listed apart.
	 */
	Listing list() throws IOException {
		Map<String, Path> files = new TreeMap<>();
		List<Path> misnamed = new ArrayList<>();
		if (!Files.isDirectory(this.dir)) {
			return new Listing(files, misnamed);
		}
		try (Stream<Path> entries = Files.list(this.dir)) {
			entries.filter((path) -> path.getFileName().toString().endsWith(".json")).forEach((path) -> {
				String file = path.getFileName().toString();
				String name = file.substring(0, file.length() - ".json".length());
				if (NAME.matcher(name).matches()) {
					files.put(name, path);
				}
				else {
					misnamed.add(path);
				}
			});
		}
		return new Listing(files, misnamed);
	}

	/**
	 * Reads and compiles one file. {@code previous} supplies the version kept in force if
	 * the new text does not compile.
	 */
	TemplateFile read(String name, Path path, TemplateFile previous) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
		if (attributes.size() > this.maxBytes) {
			return failed(name, "",
					List.of(new TemplateError("", "Template file is larger than " + this.maxBytes + " bytes")),
					previous, attributes);
		}
		String content = Files.readString(path, StandardCharsets.UTF_8);
		if (previous != null && previous.content().equals(content)) {
			return previous;
		}
		try {
			ClaimsTemplate template = this.compiler.compile(name, content);
			return new TemplateFile(name, content, List.of(), template, attributes.creationTime().toInstant(),
					attributes.lastModifiedTime().toInstant());
		}
		catch (TemplateException ex) {
			return failed(name, content, ex.errors(), previous, attributes);
		}
	}

	/** Replaces {@code <name>.json} atomically and returns what is now on disk. */
	TemplateFile write(String name, String content, ClaimsTemplate compiled) throws IOException {
		Files.createDirectories(this.dir);
		Path target = this.dir.resolve(name + ".json");
		Path temporary = Files.createTempFile(this.dir, "." + name + "-", ".tmp");
		try {
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (NoSuchFileException ex) {
				// already moved
			}
		}
		BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
		return new TemplateFile(name, content, List.of(), compiled, attributes.creationTime().toInstant(),
				attributes.lastModifiedTime().toInstant());
	}

	private static TemplateFile failed(String name, String content, List<TemplateError> errors, TemplateFile previous,
			BasicFileAttributes attributes) {
		ClaimsTemplate live = (previous != null) ? previous.live() : null;
		return new TemplateFile(name, content, errors, live, attributes.creationTime().toInstant(),
				attributes.lastModifiedTime().toInstant());
	}

	record Listing(Map<String, Path> files, List<Path> misnamed) {
	}

}
