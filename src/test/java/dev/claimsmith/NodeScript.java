package dev.claimsmith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor SDK's script ({@code src/test/<vendor>/*.mjs}, its SDK installed there by the
 * build's {@code npm ci} step) run with Node against the live service: the interop tests
 * assert that it finished, succeeded and printed its closing line, and show its output
 * either way.
 */
public final class NodeScript {

	private static final int TIMEOUT_MINUTES = 3;

	private final Path directory;

	private final String script;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private NodeScript(Path directory, String script) {
		this.directory = directory;
		this.script = script;
	}

	/** {@code script} in {@code directory}, which holds its {@code node_modules}. */
	public static NodeScript of(Path directory, String script) {
		return new NodeScript(directory, script);
	}

	public NodeScript env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/**
	 * Runs the script to its end (at most three minutes) and asserts exit status 0 and
	 * that the output contains {@code closingLine}.
	 */
	public void runsAndPrints(String closingLine) throws IOException, InterruptedException {
		Path output = Files.createTempFile("node-script", ".log");
		ProcessBuilder node = new ProcessBuilder("node", this.script).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		node.environment().putAll(this.environment);
		Process process = node.start();
		boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String log = Files.readString(output, StandardCharsets.UTF_8);
		Files.deleteIfExists(output);
		// In the test's report, so a passing run shows what it checked.
		System.out.println(log);
		assertThat(finished).as("%s finished within %d minutes; its output:%n%s", this.script, TIMEOUT_MINUTES, log)
			.isTrue();
		assertThat(process.exitValue()).as("%s exit status; its output:%n%s", this.script, log).isZero();
		assertThat(log).contains(closingLine);
	}

}
