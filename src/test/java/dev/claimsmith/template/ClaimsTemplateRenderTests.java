package dev.claimsmith.template;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rendering semantics of the contract, as a table: template, a change to Jane's
 * context, and the claims expected (compared as JSON, so types matter).
 */
class ClaimsTemplateRenderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> cases() {
		return Stream.of(
				// WorkOS's documented examples
				row("full name", "{\"name\": \"{{ user.first_name }} {{ user.last_name }}\"}", none(),
						"{\"name\":\"Jane Doe\"}"),
				row("full name trimmed when last name is missing",
						"{\"name\": \"{{ user.first_name }} {{ user.last_name }}\"}",
						user((u) -> u.put("last_name", null)), "{\"name\":\"Jane\"}"),
				row("fallback to second path", "{\"n\": {{ user.external_id || user.id }}}",
						user((u) -> u.put("external_id", null)), "{\"n\":\"user_01J\"}"),
				row("fallback to literal", "{\"tier\": {{ organization.external_id || 'none' }}}", none(),
						"{\"tier\":\"none\"}"),
				row("fallback chain to literal in string",
						"{\"x\": \"id={{ organization.external_id || organization.metadata.nope || 'n/a' }}\"}", none(),
						"{\"x\":\"id=n/a\"}"),
				row("false is not null", "{\"v\": {{ user.email_verified || true }}}", none(), "{\"v\":false}"),
				row("empty string is not null", "{\"v\": {{ user.first_name || 'x' }}}",
						user((u) -> u.put("first_name", "")), "{\"v\":\"\"}"),
				row("typed boolean", "{\"v\": {{ user.email_verified }}}", none(), "{\"v\":false}"),
				row("quoted boolean is text", "{\"v\": \"{{ user.email_verified }}\"}", none(), "{\"v\":\"false\"}"),
				row("typed number from context", "{\"n\": {{ user.metadata.n }}}", user((u) -> meta(u).put("n", 42)),
						"{\"n\":42}"),
				row("quoted number is text", "{\"n\": \"{{ user.metadata.n }}\"}", user((u) -> meta(u).put("n", 42)),
						"{\"n\":\"42\"}"),
				row("typed object", "{\"m\": {{ organization.metadata }}}", none(),
						"{\"m\":{\"tier\":\"gold\",\"roles\":\"user,editor\"}}"),
				row("typed array", "{\"r\": {{ organization_membership.roles }}}", none(),
						"{\"r\":[\"admin\",\"member\"]}"),
				row("array index", "{\"d\": \"{{ organization.domains.1.domain }}\"}", none(), "{\"d\":\"acme.io\"}"),
				row("array index typed", "{\"p\": {{ organization_membership.permissions.0 }}}", none(),
						"{\"p\":\"posts:read\"}"),
				row("array index out of range removes key", "{\"d\": {{ organization.domains.7.domain }}, \"k\": 1}",
						none(), "{\"k\":1}"),
				row("null removes the key", "{\"a\": {{ user.profile_picture_url }}, \"b\": \"x\"}", none(),
						"{\"b\":\"x\"}"),
				row("missing organization removes the key",
						"{\"org\": {{ organization.name }}, \"e\": {{ user.email }}}", without("organization"),
						"{\"e\":\"jane@acme.test\"}"),
				row("null removes nested key", "{\"o\": {\"a\": {{ user.profile_picture_url }}, \"b\": 1}}", none(),
						"{\"o\":{\"b\":1}}"),
				row("null stays null inside an array",
						"[{{ user.profile_picture_url }}]".isEmpty() ? ""
								: "{\"a\": [{{ user.profile_picture_url }}, {{ user.id }}]}",
						none(), "{\"a\":[null,\"user_01J\"]}"),
				row("null in string is empty", "{\"p\": \"[{{ user.profile_picture_url }}]\"}", none(),
						"{\"p\":\"[]\"}"),
				row("result is trimmed", "{\"p\": \"  {{ user.first_name }}  \"}", none(), "{\"p\":\"Jane\"}"),
				row("literal string without tags is kept as is", "{\"p\": \" x \", \"n\": 1.50, \"t\": true}", none(),
						"{\"p\":\" x \",\"n\":1.50,\"t\":true}"),
				row("aud may be set", "{\"aud\": \"api://acme\"}", none(), "{\"aud\":\"api://acme\"}"),
				row("key order is template order", "{\"z\": 1, \"a\": 2, \"m\": 3}", none(),
						"{\"z\":1,\"a\":2,\"m\":3}"),
				// sections
				row("section when true", "{\"s\": \"{{#user.metadata.beta}}beta{{/user.metadata.beta}}\"}", none(),
						"{\"s\":\"beta\"}"),
				row("section when false", "{\"s\": \"x{{#user.email_verified}}verified{{/user.email_verified}}\"}",
						none(), "{\"s\":\"x\"}"),
				row("inverted section", "{\"s\": \"{{^user.email_verified}}unverified{{/user.email_verified}}\"}",
						none(), "{\"s\":\"unverified\"}"),
				row("section over a list",
						"{\"s\": \"{{#organization_membership.roles}}[{{.}}]{{/organization_membership.roles}}\"}",
						none(), "{\"s\":\"[admin][member]\"}"),
				row("inverted section over an empty list",
						"{\"s\": \"{{^organization_membership.roles}}none{{/organization_membership.roles}}\"}",
						membership((m) -> m.put("roles", List.of())), "{\"s\":\"none\"}"),
				// filters
				row("number filter", "{\"seats\": {{ user.metadata.seats | number }}}", none(), "{\"seats\":12}"),
				row("number filter decimal", "{\"r\": {{ user.metadata.r | number }}}",
						user((u) -> meta(u).put("r", "2.50")), "{\"r\":2.50}"),
				row("boolean filter", "{\"beta\": {{ user.metadata.beta | boolean }}}", none(), "{\"beta\":true}"),
				row("string filter", "{\"v\": {{ user.email_verified | string }}}", none(), "{\"v\":\"false\"}"),
				row("lower and upper",
						"{\"l\": {{ organization.name | lower }}, \"u\": \"{{ organization.name | upper }}\"}", none(),
						"{\"l\":\"acme\",\"u\":\"ACME\"}"),
				row("upper over a list", "{\"r\": {{ organization_membership.roles | upper }}}", none(),
						"{\"r\":[\"ADMIN\",\"MEMBER\"]}"),
				row("split", "{\"r\": {{ organization.metadata.roles | split(',') }}}", none(),
						"{\"r\":[\"user\",\"editor\"]}"),
				row("split trims and drops empty items", "{\"r\": {{ user.metadata.x | split(';') }}}",
						user((u) -> meta(u).put("x", " a ;; b ;")), "{\"r\":[\"a\",\"b\"]}"),
				row("filter after fallback", "{\"n\": {{ user.metadata.nope || '7' | number }}}", none(), "{\"n\":7}"),
				row("null passes filters and removes the key", "{\"n\": {{ user.metadata.nope | number }}, \"k\": 0}",
						none(), "{\"k\":0}"),
				row("numeric literal fallback", "{\"n\": {{ user.metadata.nope || 5 }}}", none(), "{\"n\":5}"),
				// unicode and data that looks like syntax
				row("unicode", "{\"n\": \"{{ user.first_name }} ✓\"}", user((u) -> u.put("first_name", "Zoë 😀 日本")),
						"{\"n\":\"Zoë 😀 日本 ✓\"}"),
				row("unicode in template keys", "{\"名前\": {{ user.first_name }}}", none(), "{\"名前\":\"Jane\"}"),
				row("tag syntax as data is not evaluated", "{\"n\": \"{{ user.first_name }}\"}",
						user((u) -> u.put("first_name", "{{ user.email }}")), "{\"n\":\"{{ user.email }}\"}"),
				row("fallback syntax as data", "{\"n\": {{ user.first_name }}}",
						user((u) -> u.put("first_name", "a || 'b'")), "{\"n\":\"a || 'b'\"}"),
				row("html characters are not escaped", "{\"n\": \"{{ user.first_name }}\"}",
						user((u) -> u.put("first_name", "<&'\"=>")), "{\"n\":\"<&'\\\"=>\"}"),
				row("braces in literal text", "{\"n\": \"{ {{ user.first_name }} }\"}", none(), "{\"n\":\"{ Jane }\"}"),
				row("comment tag", "{\"n\": \"{{! why }}{{ user.first_name }}\"}", none(), "{\"n\":\"Jane\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void renderThenClaimsMatchTable(String description, String template, Consumer<Map<String, Object>> change,
			String expected) {
		Map<String, Object> context = TestContexts.jane();
		change.accept(context);
		RenderedClaims rendered = TestContexts.compiler().compile("t", template).render(context);
		assertThat(JSON.writeValueAsString(rendered.claims())).isEqualTo(expected);
		assertThat(rendered.sizeBytes()).isEqualTo(JSON.writeValueAsBytes(rendered.claims()).length);
	}

	static Stream<String> hostileValues() {
		return Stream.of("\",\"sub\":\"admin\",\"x\":\"", "trailing\\", "<&'\"=", "a\u0000b\u0001c\u001f\u007f\n\t\r",
				"{{ user.email }}", "a || 'b'", "}}\"}", "\u2028\u2029", "😀\uD83D\uDE00", "'); DROP TABLE--",
				"{\"sub\":\"admin\"}", "\\u0022");
	}

	@ParameterizedTest
	@MethodSource("hostileValues")
	void renderWhenValueIsHostileThenClaimRoundTripsAndNoOtherClaimChanges(String hostile) {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"name\": \"{{ user.first_name }}\", \"typed\": {{ user.first_name }},"
					+ " \"list\": [{{ user.first_name }}], \"fixed\": \"ok\"}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("first_name", hostile);
		RenderedClaims rendered = template.render(context);
		byte[] serialized = JSON.writeValueAsBytes(rendered.claims());
		JsonNode parsed = JSON.readTree(serialized);
		assertThat(parsed.propertyNames()).containsExactly("name", "typed", "list", "fixed");
		assertThat(parsed.get("name").stringValue()).isEqualTo(hostile.strip());
		assertThat(parsed.get("typed").stringValue()).isEqualTo(hostile);
		assertThat(parsed.get("list").get(0).stringValue()).isEqualTo(hostile);
		assertThat(parsed.get("fixed").stringValue()).isEqualTo("ok");
		assertThat(rendered.sizeBytes()).isEqualTo(serialized.length);
	}

	@Test
	void renderWhenValueContainsQuoteThenClaimRoundTrips() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"name\": \"{{ user.last_name }}\"}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("last_name", "O\"Brien");
		assertThat(template.render(context).claims()).containsExactly(Map.entry("name", "O\"Brien"));
	}

	@Test
	void renderWhenLoneSurrogateThenReplacedSoOutputIsValidUtf8() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"name\": {{ user.last_name }}}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("last_name", "a\uD800b");
		RenderedClaims rendered = template.render(context);
		assertThat(rendered.claims().get("name")).isEqualTo("a\uFFFDb");
		assertThat(rendered.sizeBytes()).isEqualTo(JSON.writeValueAsBytes(rendered.claims()).length);
	}

	@Test
	void renderWhenObjectInsideStringThenError() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"m\": \"x {{ organization.metadata }}\"}");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(TestContexts.jane()))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new TemplateError("/m", "String encapsulated expression cannot contain object reference")));
	}

	@Test
	void renderWhenArrayInsideStringThenError() {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"a\": [\"{{ organization_membership.roles }}\"]}");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(TestContexts.jane()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(TemplateError::path).containsExactly("/a/0"));
	}

	@Test
	void renderWhenCastFailsThenErrorNamesValueAndClaim() {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"seats\": {{ user.metadata.plan | number }}}");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(TestContexts.jane()))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new TemplateError("/seats", "Cannot cast \"pro\" to number")));
	}

	@Test
	void renderWhenBooleanCastFailsThenError() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"b\": {{ user.metadata.plan | boolean }}}");
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(TestContexts.jane()))
			.withMessageContaining("Cannot cast \"pro\" to boolean");
	}

	@Test
	void renderWhenOverSizeLimitThenErrorNamesSize() {
		ClaimsTemplate template = new TemplateCompiler(
				TemplateProperties.defaults(Path.of("templates")).withMaxClaimsBytes(20))
			.compile("t", "{\"name\": \"{{ user.first_name }}\"}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "user").put("first_name", "x".repeat(30));
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.withMessageContaining("Rendered claims are 41 bytes, over the limit of 20 bytes");
	}

	@Test
	void renderWhenSplitProducesTooManyItemsThenError() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"r\": {{ user.metadata.x | split(',') }}}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(TestContexts.section(context, "user"), "metadata").put("x", ",a".repeat(101));
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.withMessageContaining("more than 100 items");
	}

	@Test
	void renderWhenSectionOutputTooLongThenError() {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"s\": \"{{#organization_membership.roles}}{{.}}{{/organization_membership.roles}}\"}");
		Map<String, Object> context = TestContexts.jane();
		TestContexts.section(context, "organization_membership")
			.put("roles", Collections.nCopies(100, "y".repeat(100)));
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(context))
			.withMessageContaining("longer than 4096 characters");
	}

	@Test
	void renderWhenMetadataKeyUnknownThenWarningNotError() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"x\": {{ user.metadata.nope || 'd' }}}");
		RenderedClaims rendered = template.render(TestContexts.jane());
		assertThat(rendered.claims()).containsExactly(Map.entry("x", "d"));
		assertThat(rendered.warnings())
			.containsExactly(new TemplateWarning("/x", "Unknown metadata key \"nope\" (user.metadata.nope)"));
	}

	@Test
	void renderWhenContextIsNullOrEmptyThenKeysAreRemoved() {
		ClaimsTemplate template = TestContexts.compiler().compile("t", "{\"e\": {{ user.email }}, \"k\": \"v\"}");
		assertThat(template.render(null).claims()).containsExactly(Map.entry("k", "v"));
		assertThat(template.render(Map.of()).claims()).containsExactly(Map.entry("k", "v"));
	}

	@Test
	void renderWhenSameTemplateFromManyThreadsThenResultsAreIndependent() throws Exception {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"n\": \"{{ user.first_name }}\", \"x\": {{ user.metadata.nope || 1 }}}");
		List<Callable<Boolean>> tasks = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String name = "n" + i;
			tasks.add(() -> {
				Map<String, Object> context = TestContexts.jane();
				TestContexts.section(context, "user").put("first_name", name);
				RenderedClaims rendered = template.render(context);
				return rendered.claims().get("n").equals(name) && rendered.warnings().size() == 1;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<Boolean> result : pool.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void renderThenSizeBytesEqualsSerializedSizeForEveryValueType() {
		ClaimsTemplate template = TestContexts.compiler()
			.compile("t", "{\"m\": {{ user.metadata }}, \"l\": {{ organization.domains }}, \"n\": 1.5e3, \"z\": -0,"
					+ " \"b\": [true, false, null], \"s\": \"é\\u0007\\\\\"}");
		Map<String, Object> context = TestContexts.jane();
		Map<String, Object> metadata = TestContexts.section(TestContexts.section(context, "user"), "metadata");
		metadata.put("d", 0.1);
		metadata.put("big", new BigDecimal("123456789012345678901234567890.5"));
		metadata.put("i", 7);
		metadata.put("nested", Map.of("k", List.of(1, "два")));
		RenderedClaims rendered = template.render(context);
		assertThat(rendered.sizeBytes()).isEqualTo(JSON.writeValueAsBytes(rendered.claims()).length);
	}

	private static Arguments row(String description, String template, Consumer<Map<String, Object>> change,
			String expected) {
		return Arguments.of(description, template, change, expected);
	}

	private static Consumer<Map<String, Object>> none() {
		return (context) -> {
		};
	}

	private static Consumer<Map<String, Object>> user(Consumer<Map<String, Object>> change) {
		return (context) -> change.accept(TestContexts.section(context, "user"));
	}

	private static Consumer<Map<String, Object>> membership(Consumer<Map<String, Object>> change) {
		return (context) -> change.accept(TestContexts.section(context, "organization_membership"));
	}

	private static Consumer<Map<String, Object>> without(String section) {
		return (context) -> context.remove(section);
	}

	private static Map<String, Object> meta(Map<String, Object> user) {
		return TestContexts.section(user, "metadata");
	}

}
