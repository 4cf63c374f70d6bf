package dev.claimsmith.template;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code claimsmith preview --template templates/x.json [--context ctx.json]}: renders a
 * template offline, with the service's engine and default limits, and no server or
 * database. The claims go to standard output as JSON; size and warnings to standard
 * error; errors, each with its claim's JSON pointer, to standard error. For a template
 * repository's CI: the exit code is {@link #OK}, {@link #INVALID_TEMPLATE} or
 * {@link #USAGE}.
 */
public final class TemplatePreviewCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "preview";

	static final int OK = 0;

	/** The template does not compile or does not render for the context. */
	static final int INVALID_TEMPLATE = 1;

	/** Bad arguments, or a file that cannot be read or is not JSON. */
	static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			Usage: claimsmith preview --template <file.json> [--context <context.json>] [--max-claims-bytes <n>]
			  The context is {"user": {...}, "organization": {...}, "organization_membership": {...}},
			  as in POST /jwt_templates/preview; without one, every value is missing.""";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TemplatePreviewCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code preview}
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		String text;
		Map<String, Object> context;
		try {
			text = Files.readString(arguments.template(), StandardCharsets.UTF_8);
			context = (arguments.context() != null) ? readContext(arguments.context()) : Map.of();
		}
		catch (IOException | JacksonException | IllegalArgumentException ex) {
			err.println("Cannot read " + ex.getMessage());
			return USAGE;
		}
		TemplateProperties properties = TemplateProperties.defaults(arguments.template().toAbsolutePath().getParent());
		if (arguments.maxClaimsBytes() != null) {
			properties = properties.withMaxClaimsBytes(arguments.maxClaimsBytes());
		}
		String name = arguments.template().getFileName().toString().replaceFirst("\\.json$", "");
		try {
			RenderedClaims rendered = new TemplateCompiler(properties).compile(name, text).render(context);
			out.println(JSON.writeValueAsString(rendered.claims()));
			err.println(rendered.sizeBytes() + " of " + properties.maxClaimsBytes() + " bytes");
			rendered.warnings()
				.forEach((warning) -> err.println("warning at " + pointer(warning.path()) + ": " + warning.message()));
			return OK;
		}
		catch (TemplateException ex) {
			ex.errors()
				.forEach((error) -> err
					.println(arguments.template() + " at " + pointer(error.path()) + ": " + error.message()));
			return INVALID_TEMPLATE;
		}
	}

	private static Map<String, Object> readContext(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		try {
			return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(file + ": not a JSON object (" + ex.getOriginalMessage() + ")", ex);
		}
	}

	private static String pointer(String path) {
		return path.isEmpty() ? "/" : path;
	}

	/** The command line; {@code maxClaimsBytes} is null for the service's default. */
	private record Arguments(Path template, Path context, Integer maxClaimsBytes) {

		static Arguments parse(String[] args) {
			Path template = null;
			Path context = null;
			Integer maxClaimsBytes = null;
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing value for " + option);
				}
				String value = args[++i];
				switch (option) {
					case "--template" -> template = Path.of(value);
					case "--context" -> context = Path.of(value);
					case "--max-claims-bytes" -> maxClaimsBytes = positive(value);
					default -> throw new IllegalArgumentException("Unknown option " + option);
				}
			}
			if (template == null) {
				throw new IllegalArgumentException("--template is required");
			}
			return new Arguments(template, context, maxClaimsBytes);
		}

		private static int positive(String value) {
			try {
				int number = Integer.parseInt(value);
				if (number > 0) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--max-claims-bytes must be a positive number, not " + value);
		}

	}

}
