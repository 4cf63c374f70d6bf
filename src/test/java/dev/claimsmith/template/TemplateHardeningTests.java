package dev.claimsmith.template;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No template can take minting down: section nesting is bounded when a template is
 * loaded, a rendering the engine cannot do is a template error (never a 500 or a
 * StackOverflowError), and {@code | number} never yields a number no verifier reads.
 */
class TemplateHardeningTests {

	static final int MAX_SECTION_DEPTH = 32;

	@TempDir
	Path dir;

	/** A claim whose string nests {@code depth} sections. */
	static String nested(int depth) {
		String open = "{{#user.id}}".repeat(depth);
		String close = "{{/user.id}}".repeat(depth);
		return "{\"deep\": \"" + open + "x" + close + "\"}";
	}

	@Test
	void compileWhenSectionsNestedDeeperThanTheLimitThenInvalidTemplate() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", nested(MAX_SECTION_DEPTH + 1)))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new TemplateError("/deep", "Sections are nested deeper than " + MAX_SECTION_DEPTH + " levels")));
	}

	@Test
	void compileWhenSectionsNestedThousandsDeepThenTheSameErrorAndNoStackOverflow() {
		String template = nested(2000);
		assertThat(template.length()).isGreaterThan(48_000).isLessThan(65_536);

		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", template))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::message)
				.containsExactly("Sections are nested deeper than " + MAX_SECTION_DEPTH + " levels"));
	}

	@Test
	void compileWhenSectionsNestedExactlyToTheLimitThenRenders() {
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("email_verified", true);

		ClaimsTemplate template = TestContexts.compiler().compile("t", nested(MAX_SECTION_DEPTH));

		assertThat(template.render(context).claims()).containsEntry("deep", "x");
	}

	@Test
	void sectionDepthIsConfigurable() {
		TemplateProperties shallow = TemplateProperties.defaults(this.dir).withMaxSectionDepth(2);
		TemplateCompiler compiler = new TemplateCompiler(shallow);

		assertThat(compiler.compile("t", nested(2)).claimNames()).containsExactly("deep");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> compiler.compile("t", nested(3)))
			.withMessageContaining("nested deeper than 2 levels");
	}

	@Test
	void reloadWhenSectionsNestedTooDeeplyThenTheLastGoodVersionStaysLive() throws IOException {
		write("default", "{\"v\": 1}");
		ClaimsTemplates templates = TestContexts.loaded(TemplateProperties.defaults(this.dir));
		write("default", nested(2000));

		templates.reload();

		assertThat(templates.find("default").orElseThrow().render(TestContexts.jane()).claims()).containsEntry("v", 1L);
		assertThat(templates.file("default").orElseThrow().errors()).extracting(TemplateError::message)
			.containsExactly("Sections are nested deeper than " + MAX_SECTION_DEPTH + " levels");
	}

	@Test
	void startWhenSectionsNestedTooDeeplyThenFailsNamingFileAndPointer() throws IOException {
		write("default", nested(MAX_SECTION_DEPTH + 1));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> TestContexts.loaded(TemplateProperties.defaults(this.dir)))
			.withMessageContaining("default.json at /deep: Sections are nested deeper than 32 levels");
	}

	@Test
	void renderWhenTheRendererFailsUnexpectedlyThenATemplateErrorNotACrash() {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"a\": {{ user.email }}, \"b\": \"{{ user.first_name }}\"}");
		Map<String, Object> context = Map.of("user", new AbstractMap<String, Object>() {

			@Override
			public Object get(Object key) {
				throw new IllegalStateException("the renderer did not expect this");
			}

			@Override
			public Set<Entry<String, Object>> entrySet() {
				throw new IllegalStateException("the renderer did not expect this");
			}

		});

		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::message)
				.containsExactly(ClaimsTemplate.RENDER_ERROR));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e400", "-1e400", "1E+309", "1e-400", "1e99999999999" })
	void numberWhenOutsideTheRangeOfADoubleThenCastError(String seats) {
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("metadata", Map.of("seats", seats));
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"seats\": {{ user.metadata.seats | number }}}");

		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new TemplateError("/seats",
					"Cannot cast \"" + seats + "\" to number: outside the range of a double")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e300", "-1.7976931348623157e308", "4.9e-324", "0e400", "25" })
	void numberWhenWithinTheRangeOfADoubleThenANumber(String seats) {
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("metadata", Map.of("seats", seats));
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"seats\": {{ user.metadata.seats | number }}}");

		assertThat(template.render(context).claims().get("seats")).isInstanceOf(Number.class);
	}

	@Test
	void numberInTheContextOutsideTheRangeOfADoubleThenError() {
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("metadata", Map.of("seats", new BigDecimal("1e400")));
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"seats\": {{ user.metadata.seats }}}");

		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.withMessageContaining("outside the range of a double");
	}

	@Test
	void numberLiteralOutsideTheRangeOfADoubleThenInvalidTemplate() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", "{\"n\": 1e400}"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::path).containsExactly("/n"));
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.dir.resolve(name + ".json"), content);
	}

}
