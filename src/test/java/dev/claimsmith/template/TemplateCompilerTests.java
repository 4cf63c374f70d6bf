package dev.claimsmith.template;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Everything a template may not do is refused at compile time, naming the claim. */
class TemplateCompilerTests {

	static Stream<String> reservedClaims() {
		return ReservedClaims.NAMES.stream();
	}

	@ParameterizedTest
	@MethodSource("reservedClaims")
	void compileWhenTemplateSetsReservedClaimThenRejectedEvenIfValueWouldBeNull(String claim) {
		String template = "{\"ok\": 1, \"" + claim + "\": {{ user.profile_picture_url }}}";
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", template))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
				assertThat(error.path()).isEqualTo("/" + claim);
				assertThat(error.message()).startsWith("Keys reserved (iss, sub, exp, iat, nbf, jti, client_id, sid,")
					.endsWith("\"" + claim + "\"");
			}));
	}

	static Stream<Arguments> rejected() {
		return Stream.of(rejects("{\"a\": \"{{> partial}}\"}", "/a", "Partials"),
				rejects("{\"a\": {\"b\": [\"x\", \"{{=<% %>=}}\"]}}", "/a/b/1", "Delimiter changes"),
				rejects("{\"a\": \"{{{ user.email }}}\"}", "/a", "Triple mustache"),
				rejects("{\"a\": {{{ user.email }}}}", "/a", "Triple mustache"),
				rejects("{\"a\": \"{{& user.email }}\"}", "/a", "Unescaped tags"),
				rejects("{\"a\": \"{{< layout}}{{/layout}}\"}", "/a", "Template inheritance"),
				rejects("{\"a\": \"{{ usr.email }}\"}", "/a", "Invalid path: \"usr.email\""),
				rejects("{\"a\": {{ usr.email }}}", "/a", "Invalid path: \"usr.email\""),
				rejects("{\"a\": {{ user.password_hash }}}", "/a", "Invalid path: \"user.password_hash\""),
				rejects("{\"a\": {{ user }}}", "/a", "Invalid path: \"user\""),
				rejects("{\"a\": {{ user.email.domain }}}", "/a", "Invalid path: \"user.email.domain\""),
				rejects("{\"a\": {{ organization_membership.roles.0.x }}}", "/a",
						"Invalid path: \"organization_membership.roles.0.x\""),
				rejects("{\"a\": {{ user.public_metadata.a.b.c.d.e.f.g.h.i.j.k }}}", "/a",
						"Invalid path: \"user.public_metadata.a.b.c.d.e.f.g.h.i.j.k\""),
				rejects("{\"a\": {{ user.private_metadata.a }}}", "/a", "Invalid path: \"user.private_metadata.a\""),
				rejects("{\"a\": {{ organization.unsafe_metadata }}}", "/a",
						"Invalid path: \"organization.unsafe_metadata\""),
				rejects("{\"a\": {{ user.custom_attributes.x }}}", "/a", "Invalid path: \"user.custom_attributes.x\""),
				rejects("{\"o\": {\"a~b/c\": \"{{ user.emial }}\"}}", "/o/a~0b~1c", "Invalid path: \"user.emial\""),
				rejects("{\"a\": \"{{ }}\"}", "/a", "Expression cannot be empty"),
				rejects("{\"a\": {{ }}}", "/a", "Expression cannot be empty"),
				rejects("{\"a\": {{ user.email || }}}", "/a", "Expression cannot be empty"),
				rejects("{\"a\": \"{{ user..email }}\"}", "/a", "Invalid expression segment"),
				rejects("{\"a\": \"{{ user.email + 1 }}\"}", "/a", "Invalid expression segment"),
				rejects("{\"a\": \"{{ 'unterminated }}\"}", "/a", "Invalid expression segment"),
				rejects("{\"a\": \"{{ user.email | shout }}\"}", "/a",
						"Unknown filter \"shout\" (use number, boolean, string, lower, upper or split(','))"),
				rejects("{\"a\": \"{{ user.email | split() }}\"}", "/a", "split needs a quoted separator"),
				rejects("{\"a\": \"{{ user.email | split('') }}\"}", "/a", "split needs a non-empty separator"),
				rejects("{\"a\": \"{{ user.email | split }}\"}", "/a", "Invalid expression segment: \"\""),
				rejects("{\"a\": \"{{ user.email | split(',' }}\"}", "/a", "Invalid expression segment: \"\""),
				rejects("{\"a\": \"{{ user.email | lower(',') }}\"}", "/a", "Invalid expression segment: \"(',')\""),
				rejects("{\"a\": \"{{ user.email \"}", "/a", "Template parse error: missing '}}'"),
				rejects("{\"b\": 1, \"a\": {{ user.email ,\n \"c\": 2}", "/a", "Template parse error: missing '}}'"),
				rejects("{\"a\": \"{{#user.email}}x\"}", "/a", "is not closed"),
				rejects("{\"a\": \"x{{/user.email}}\"}", "/a", "unexpected {{/user.email}}"),
				rejects("{\"a\": \"{{ . }}\"}", "/a", "Invalid path: \".\""),
				rejects("{\"{{ user.id }}\": 1}", "/{{ user.id }}", "Tags are not allowed in keys"),
				rejects("{\"a\": 1, \"a\": 2}", "/a", "Duplicate"), rejects("{\"a\": 1", "/a", "Template parse error"),
				rejects("{}", "",
						"Template must render to an object with at least one explicitly defined top-level key"),
				rejects("[{{ user.id }}]", "",
						"Template must render to an object with at least one explicitly defined top-level key"),
				rejects("{{ organization.metadata }}", "",
						"Template must render to an object with at least one explicitly defined top-level key"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejected")
	void compileWhenTemplateInvalidThenErrorNamesClaimPointer(String template, String pointer, String message) {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", template))
			.satisfies((ex) -> assertThat(ex.errors()).anySatisfy((error) -> {
				assertThat(error.path()).isEqualTo(pointer);
				assertThat(error.message()).contains(message);
			}));
	}

	@Test
	void compileWhenSeveralProblemsThenAllAreReported() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(
					() -> TestContexts.compiler().compile("t", "{\"sub\": 1, \"a\": \"{{ usr.x }}\", \"b\": [{{ }}]}"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::path)
				.containsExactly("/sub", "/a", "/b/0"));
	}

	@Test
	void compileWhenObjectFormThenRendersLikeText() {
		JsonMapper json = JsonMapper.builder().build();
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", json.readTree("{\"name\": \"{{ user.first_name }} {{ user.last_name }}\", \"n\": 2}"));
		assertThat(template.render(TestContexts.jane()).claims()).containsEntry("name", "Jane Doe")
			.containsEntry("n", 2L);
	}

	@Test
	void compileWhenObjectFormSetsReservedClaimThenRejected() {
		JsonMapper json = JsonMapper.builder().build();
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> TestContexts.compiler().compile("t", json.readTree("{\"iss\": \"me\"}")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::path).containsExactly("/iss"));
	}

	@Test
	void compileThenClaimNamesAreTemplateKeysInOrder() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"b\": 1, \"a\": {{ user.id }}}");
		assertThat(template.claimNames()).containsExactly("b", "a");
	}

	private static Arguments rejects(String template, String pointer, String message) {
		return Arguments.of(template, pointer, message);
	}

}
