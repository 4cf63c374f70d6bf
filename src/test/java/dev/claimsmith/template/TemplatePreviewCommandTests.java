package dev.claimsmith.template;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code claimsmith preview}: in-process through its entry method, and once as a real
 * child process through the application's {@code main}.
 */
class TemplatePreviewCommandTests {

	private static final String CONTEXT = """
			{"user": {"id": "user_01", "email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace",
			          "metadata": {"department": "R&D"}},
			 "organization": {"id": "org_01", "name": "Analytical Engines", "metadata": {"seats": "25"}},
			 "organization_membership": {"role": "admin", "roles": ["admin"], "permissions": []}}
			""";

	@TempDir
	Path dir;

	@Test
	void previewWhenTemplateRendersThenClaimsPrintedAndExitZero() throws IOException {
		Path template = write("x.json",
				"""
						{"name": "{{ user.first_name }} {{ user.last_name }}", "seats": {{ organization.metadata.seats | number }}}
						""");
		Run run = run("--template", template.toString(), "--context", write("ctx.json", CONTEXT).toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("\"name\" : \"Ada Lovelace\"").contains("\"seats\" : 25");
		assertThat(run.err()).contains("of 3072 bytes");
	}

	@Test
	void previewWhenTemplateReadsABadPathThenPointerPrintedAndExitNonZero() throws IOException {
		Path template = write("x.json", """
				{"name": {{ user.first_name }}, "seats": {{ organisation.metadata.seats }}}
				""");
		Run run = run("--template", template.toString(), "--context", write("ctx.json", CONTEXT).toString());

		assertThat(run.exitCode()).isEqualTo(TemplatePreviewCommand.INVALID_TEMPLATE);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("at /seats: ").contains("organisation.metadata.seats");
	}

	@Test
	void previewWhenTemplateSetsAReservedClaimThenRejected() throws IOException {
		Path template = write("x.json", """
				{"sub": {{ user.id }}}
				""");

		Run run = run("--template", template.toString());

		assertThat(run.exitCode()).isEqualTo(TemplatePreviewCommand.INVALID_TEMPLATE);
		assertThat(run.err()).contains("at /sub: ");
	}

	@Test
	void previewWhenArgumentsOrFilesAreWrongThenUsageExitCode() throws IOException {
		assertThat(run().exitCode()).isEqualTo(TemplatePreviewCommand.USAGE);
		assertThat(run("--template").exitCode()).isEqualTo(TemplatePreviewCommand.USAGE);
		assertThat(run("--template", this.dir.resolve("missing.json").toString()).exitCode())
			.isEqualTo(TemplatePreviewCommand.USAGE);
		Path template = write("x.json", "{\"a\": {{ user.id }}}");
		Run badContext = run("--template", template.toString(), "--context", write("ctx.json", "[1]").toString());
		assertThat(badContext.exitCode()).isEqualTo(TemplatePreviewCommand.USAGE);
		assertThat(badContext.err()).contains("ctx.json");
	}

	@Test
	void previewAsAChildProcessThroughMainNeedsNoServerOrDatabase() throws Exception {
		Path template = write("x.json",
				"{\"email\": {{ user.email }}, \"plan\": {{ organization.metadata.plan || 'free' }}}");
		Path bad = write("bad.json", "{\"roles\": {{ organization_membership.roles }}, \"x\": \"{{ usr.email }}\"}");
		Path context = write("ctx.json", CONTEXT);

		Process ok = start("preview", "--template", template.toString(), "--context", context.toString());
		assertThat(ok.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ok.exitValue()).as(out).isZero();
		assertThat(out).contains("\"email\" : \"ada@example.com\"").contains("\"plan\" : \"free\"");
		assertThat(out).doesNotContain("Tomcat").doesNotContain("HikariPool");

		Process failing = start("preview", "--template", bad.toString(), "--context", context.toString());
		assertThat(failing.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String err = new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(failing.exitValue()).as(err).isEqualTo(TemplatePreviewCommand.INVALID_TEMPLATE);
		assertThat(err).contains("at /x: ").contains("usr.email");
	}

	private Process start(String... args) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
						"dev.claimsmith.ClaimsmithApplication"));
		command.addAll(List.of(args));
		// Both streams in one: the claims and the errors are what a CI log shows.
		return new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = TemplatePreviewCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
