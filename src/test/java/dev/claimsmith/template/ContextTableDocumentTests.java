package dev.claimsmith.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context table of {@code docs/templates.md} is generated from
 * {@link ClaimsContextSchema}: a path added to the schema and not to the document (or the
 * other way round) fails here, and the failure prints the table to paste.
 */
class ContextTableDocumentTests {

	static final Path DOCUMENT = Path.of("docs/templates.md");

	static final String START = "<!-- context-table: generated from ClaimsContextSchema.markdownTable() -->\n";

	static final String END = "<!-- /context-table -->\n";

	@Test
	void documentWhenReadThenItsContextTableIsTheSchemas() throws IOException {
		String document = Files.readString(DOCUMENT);
		int start = document.indexOf(START);
		int end = document.indexOf(END);
		assertThat(start).as("%s has no line %s", DOCUMENT, START.strip()).isNotNegative();
		assertThat(end).as("%s has no line %s", DOCUMENT, END.strip()).isGreaterThan(start);

		String table = document.substring(start + START.length(), end);
		String expected = ClaimsContextSchema.get().markdownTable();

		assertThat(table)
			.as("The context table of %s differs from ClaimsContextSchema. Replace the lines between the markers "
					+ "with:%n%n%s", DOCUMENT, expected)
			.isEqualTo(expected);
	}

	@Test
	void tableWhenGeneratedThenOneRowPerSchemaField() {
		String table = ClaimsContextSchema.get().markdownTable();
		long fields = ClaimsContextSchema.get().objects().stream().mapToLong((object) -> object.fields().size()).sum();

		assertThat(table.lines()).hasSize((int) fields + 2);
		for (ClaimsContextSchema.ContextObject object : ClaimsContextSchema.get().objects()) {
			for (ClaimsContextSchema.ContextField field : object.fields()) {
				assertThat(table).contains("| `" + object.name() + "." + field.name());
			}
		}
		assertThat(table).contains("`organization_membership.custom_attributes`, `.<key>…` | JSON object")
			.contains("| `app_user.unsafe_metadata` (JSON text) | **written by the user** |");
	}

}
