package dev.claimsmith.template;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever strings the context holds, the rendered claims are valid JSON with exactly the
 * template's keys, and their size is what was reported.
 */
class ClaimsTemplatePropertyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ClaimsTemplate TEMPLATE = TestContexts.compiler().compile("t", """
			{
			  "name": "{{ user.first_name }} {{ user.last_name }}",
			  "email": {{ user.email }},
			  "ids": ["{{ user.id }}", {{ user.external_id }}],
			  "org": {"name": "{{ organization.name }}", "ext": {{ organization.external_id || 'none' }}},
			  "plan": "{{#user.metadata.plan}}{{ user.metadata.plan | upper }}{{/user.metadata.plan}}",
			  "membership_role": "{{ organization_membership.role }}",
			  "domain": {{ organization.domains.0.domain || organization.name }}
			}
			""");

	@Property(tries = 300)
	void renderWhenContextHoldsRandomStringsThenClaimsAreJsonWithTemplateKeys(@ForAll("text") String a,
			@ForAll("text") String b, @ForAll("text") String c, @ForAll("text") String d) {
		Map<String, Object> context = TestContexts.jane();
		Map<String, Object> user = TestContexts.section(context, "user");
		user.put("first_name", a);
		user.put("last_name", b);
		user.put("email", c);
		user.put("id", d);
		user.put("external_id", a + d);
		TestContexts.section(user, "metadata").put("plan", c);
		Map<String, Object> organization = TestContexts.section(context, "organization");
		organization.put("name", b);
		organization.put("external_id", c);
		organization.put("domains", List.of(Map.of("domain", d)));
		TestContexts.section(context, "organization_membership").put("role", a);

		RenderedClaims rendered = TEMPLATE.render(context);
		byte[] serialized = JSON.writeValueAsBytes(rendered.claims());
		JsonNode parsed = JSON.readTree(serialized);

		assertThat(parsed.propertyNames()).containsExactlyElementsOf(TEMPLATE.claimNames());
		// Lone surrogates are the one thing changed: they become U+FFFD.
		assertThat(parsed.get("email").stringValue()).isEqualTo(Values.wellFormed(c));
		assertThat(parsed.get("ids").get(1).stringValue()).isEqualTo(Values.wellFormed(a + d));
		assertThat(parsed.get("org").propertyNames()).containsExactly("name", "ext");
		assertThat(rendered.sizeBytes()).isEqualTo(serialized.length);
	}

	@Provide
	Arbitrary<String> text() {
		return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(40),
				Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20),
				Arbitraries.of("\",\"sub\":\"admin\",\"x\":\"", "{{ user.email }}", "\\", "||", "}}"));
	}

}
