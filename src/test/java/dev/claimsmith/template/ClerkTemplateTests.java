package dev.claimsmith.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Clerk's template dialect: templates copied from Clerk's own documentation render as it
 * documents, with the Claimsmith context under Clerk's names; what Clerk would silently
 * render null is refused when the template is compiled.
 */
class ClerkTemplateTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ClerkTemplateCompiler compiler = new ClerkTemplateCompiler(
			TemplateProperties.defaults(Path.of("templates")));

	@Test
	void staticValuesAndShortcodesAsInClerksFirstExample() {
		Map<String, Object> context = maria();
		user(context).put("last_name", null);
		assertThat(render("""
				{
				  "aud": "https://example.com",
				  "interests": ["hiking", "knitting"],
				  "name": "{{user.first_name}}",
				  "surname": "{{user.last_name}}",
				  "email": "{{user.primary_email_address}}"
				}""", context)).isEqualTo(json("""
				{"aud":"https://example.com","interests":["hiking","knitting"],"name":"Maria","surname":null,
				 "email":"maria@example.com"}"""));
	}

	@Test
	void metadataShortcodesKeepTheirType() {
		Map<String, Object> context = maria();
		user(context).put("public_metadata", Map.of("interests", List.of("hiking", "knitting"), "addresses",
				Map.of("Home", "2355 Pointe Lane, 56301 Minnesota", "Work", "3759 Newton Street, 33487 Florida")));
		assertThat(render("""
				{
				  "likes_to_do": "{{user.public_metadata.interests}}",
				  "shipping_address": "{{user.public_metadata.addresses.Home}}"
				}""", context)).isEqualTo(json("""
				{"likes_to_do":["hiking","knitting"],"shipping_address":"2355 Pointe Lane, 56301 Minnesota"}"""));
	}

	@Test
	void interpolationIsAlwaysTextAndWritesNullAsClerkDoes() {
		Map<String, Object> context = maria();
		user(context).put("last_name", null);
		user(context).put("first_name", "John");
		assertThat(render("{\"full_name\": \"{{user.last_name}} {{user.first_name}}\"}", context))
			.isEqualTo(json("{\"full_name\":\"null John\"}"));
		assertThat(render("{\"n\": \"v{{user.unsafe_metadata.foo.bar}}\"}", maria()))
			.isEqualTo(json("{\"n\":\"v42\"}"));
	}

	@Test
	void conditionalExpressionsFallBackOnNullAndFalseAsClerkDocuments() {
		Map<String, Object> context = maria();
		user(context).put("first_name", null);
		user(context).put("last_name", null);
		user(context).put("public_metadata", Map.of());
		user(context).put("unsafe_metadata", Map.of());
		assertThat(render("""
				{
				  "has_verified_contact_info": "{{user.email_verified || user.phone_number_verified}}",
				  // fallback to a string value
				  "full_name": "{{user.full_name || 'Awesome User'}}",
				  // fallback to a number value
				  "age": "{{user.public_metadata.age || user.unsafe_metadata.age || 30 }}"
				}""", context)).isEqualTo(json("""
				{"has_verified_contact_info":true,"full_name":"Awesome User","age":30}"""));
	}

	@Test
	void theLastOperandIsReturnedWhateverItsValue() {
		Map<String, Object> context = maria();
		user(context).put("email_verified", false);
		assertThat(render("{\"val\": \"{{user.email_verified || user.phone_number_verified}}\"}", context))
			.isEqualTo(json("{\"val\":false}"));
		user(context).put("public_metadata", Map.of("beta", false, "role", "owner"));
		assertThat(render("""
				{"beta": "{{user.public_metadata.beta || 'no'}}", "role": "{{user.public_metadata.role || 'member'}}",
				 "flag": "{{user.public_metadata.nope || true}}", "ratio": "{{user.public_metadata.nope || 2.5}}"}""",
				context))
			.isEqualTo(json("{\"beta\":\"no\",\"role\":\"owner\",\"flag\":true,\"ratio\":2.5}"));
	}

	@Test
	void clerksCompleteExampleRendersAsDocumented() {
		// Clerk's "Complete example", without its deliberately invalid shortcode
		// (refused,
		// see below) and its registration date (Claimsmith keeps no such shortcode data).
		String template = """
				{
				  // static values
				  "aud": "https://my-site.com",
				  "version": 1,
				  "foo": { "bar": [1, 2, 3] },

				  // dynamic values
				  "user_id": "{{user.id}}",
				  "avatar": "{{user.image_url}}",
				  "full_name": "{{user.last_name}} {{user.first_name}} ",
				  "email": "{{user.primary_email_address}}",
				  "phone": "{{user.primary_phone_address}}",
				  "likes_to_do": "{{user.public_metadata.profile.interests}}",
				  "unsafe_meta": "{{user.unsafe_metadata}}"
				}""";
		assertThat(render(template, maria())).isEqualTo(json("""
				{"aud":"https://my-site.com","version":1,"foo":{"bar":[1,2,3]},"user_id":"user_abcdef123456789",
				 "avatar":"https://example.com/avatar.jpg","full_name":"Doe Maria","email":"maria@example.com",
				 "phone":null,"likes_to_do":["reading","climbing"],"unsafe_meta":{"foo":{"bar":42}}}"""));
		assertThat(this.compiler.compile("t", template, null, null).warnings()).extracting(TemplateWarning::path)
			.containsExactly("/phone");
	}

	@Test
	void anUnknownShortcodeIsAnErrorWithItsPathWhereClerkRendersNull() {
		assertThat(errors("{\"ok\": \"{{user.id}}\", \"invalid_shortcode\": \"{{user.i_dont_exist}}\"}"))
			.containsExactly(new TemplateError("/invalid_shortcode", "Unknown shortcode \"user.i_dont_exist\""));
		assertThat(errors("{\"a\": [\"x\", {\"b\": \"id {{ org.nope }}\"}]}"))
			.containsExactly(new TemplateError("/a/1/b", "Unknown shortcode \"org.nope\""));
		assertThat(errors("{\"t\": \"{{organization.public_metadata.tenant_id}}\"}")).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("org.*"));
	}

	@Test
	void organizationAndMembershipNamesMapOntoTheClaimsmithContext() {
		Map<String, Object> context = maria();
		assertThat(
				render("""
						{"org_id": "{{org.id}}", "org_name": "{{org.name}}", "org_slug": "{{org.slug}}", "org_role": "{{org.role}}",
						 "role": "{{org_membership.role}}", "org_permissions": "{{org_membership.permissions}}",
						 "perms": "{{org.permissions}}", "org_meta": "{{org.public_metadata}}",
						 "plan": "{{org.public_metadata.plan || 'free'}}",
						 "seat": "{{org_membership.public_metadata.seat}}", "secret": "{{user.private_metadata.tier}}",
						 "org_secret": "{{org.private_metadata.code}}", "session": "x-{{session.id}}"}""",
						context))
			.isEqualTo(json("""
					{"org_id":"org_1","org_name":"Acme","org_slug":"acme","org_role":"org:admin","role":"org:admin",
					 "org_permissions":["posts:read","posts:write"],"perms":["posts:read","posts:write"],
					 "org_meta":{"plan":"pro"},"plan":"pro","seat":7,"secret":"gold","org_secret":"c-1",
					 "session":"x-sess_1"}"""));
	}

	@Test
	void withoutAnOrganizationItsShortcodesRenderNull() {
		Map<String, Object> context = maria();
		context.remove("organization");
		context.remove("organization_membership");
		context.remove("session");
		assertThat(render("""
				{"org_id": "{{org.id}}", "org_role": "{{org.role}}", "p": "{{org_membership.permissions}}",
				 "session": "{{session.id}}", "none": null}""", context))
			.isEqualTo(json("{\"org_id\":null,\"org_role\":null,\"p\":null,\"session\":null,\"none\":null}"));
	}

	@Test
	void clerksDefaultClaimsAreReserved() {
		assertThat(errors("{\"sub\": \"{{user.id}}\", \"azp\": \"x\", \"aud\": \"convex\", \"fva\": [1]}"))
			.extracting(TemplateError::path)
			.containsExactly("/sub", "/azp", "/fva");
		assertThat(errors("{\"iss\": \"{{org.slug}}\"}").get(0).message())
			.isEqualTo("Claim \"iss\" is one of Clerk's default claims (azp, exp, iat, iss, jti, nbf, sub, sid, v, "
					+ "fva, pla, fea, sts, o, act), which a template cannot set");
		assertThat(errors("{\"claims_fp\": \"forged\"}").get(0).message())
			.isEqualTo("Claim \"claims_fp\" is Claimsmith's claims fingerprint (introspection's claims_stale), "
					+ "which a template cannot set");
		// Claimsmith's own reserved names are the Claimsmith dialect's, not Clerk's.
		assertThat(render("{\"org_id\": \"{{org.id}}\", \"role\": \"{{org.role}}\"}", maria()))
			.isEqualTo(json("{\"org_id\":\"org_1\",\"role\":\"org:admin\"}"));
	}

	@Test
	void literalsAreSingleQuotedStringsNumbersAndBooleansOnly() {
		assertThat(errors("{\"a\": \"{{user.first_name || null}}\"}").get(0).message())
			.isEqualTo("Only strings, booleans and numbers are permitted as literals, not null");
		assertThat(errors("{\"a\": \"{{user.first_name || \\\"x\\\"}}\"}").get(0).message())
			.startsWith("String literals in shortcodes use single quotes");
		assertThat(errors("{\"a\": \"{{user.first_name || 'x}}\"}").get(0).message())
			.startsWith("Unterminated string literal");
		assertThat(errors("{\"a\": \"{{user.first_name\"}").get(0).message()).startsWith("Unclosed shortcode");
		assertThat(errors("{\"a\": \"{{ }}\"}").get(0).message()).isEqualTo("Empty shortcode operand");
		assertThat(errors("{\"a\": \"{{user.first_name || 1e5}}\"}").get(0).message())
			.isEqualTo("Invalid number 1e5 in shortcode");
		assertThat(errors("{\"{{user.id}}\": 1}").get(0).message())
			.isEqualTo("Shortcodes are not allowed in claim names");
	}

	@Test
	void everyErrorIsReportedAtOnce() {
		assertThat(errors("{\"sub\": 1, \"a\": \"{{user.nope}}\", \"b\": [\"{{x.y}}\"]}"))
			.extracting(TemplateError::path)
			.containsExactly("/sub", "/a", "/b/0");
	}

	@Test
	void lifetimeAndClockSkewFollowClerksBoundsAndDefaults() {
		ClaimsTemplate defaults = this.compiler.compile("t", "{\"a\": 1}", null, null);
		assertThat(defaults.dialect()).isEqualTo(TemplateDialect.CLERK);
		assertThat(defaults.lifetime()).contains(Duration.ofSeconds(60));
		assertThat(defaults.allowedClockSkew()).isEqualTo(Duration.ofSeconds(5));
		ClaimsTemplate set = this.compiler.compile("t", "{\"a\": 1}", Duration.ofSeconds(315_360_000), Duration.ZERO);
		assertThat(set.lifetime()).contains(Duration.ofSeconds(315_360_000));
		assertThat(set.allowedClockSkew()).isZero();
		assertThat(settingErrors(Duration.ofSeconds(29), null))
			.containsExactly("lifetime must be between 30 and 315360000 seconds, not 29");
		assertThat(settingErrors(Duration.ofSeconds(315_360_001), Duration.ofSeconds(301))).containsExactly(
				"lifetime must be between 30 and 315360000 seconds, not 315360001",
				"allowed_clock_skew must be between 0 and 300 seconds, not 301");
		assertThat(settingErrors(null, Duration.ofSeconds(-1)))
			.containsExactly("allowed_clock_skew must be between 0 and 300 seconds, not -1");
	}

	@Test
	void theLimitsOfEveryTemplateApply() {
		assertThat(errors("[1]").get(0).message()).isEqualTo("Claims must be a JSON object with at least one claim");
		assertThat(errors("{}").get(0).message()).isEqualTo("Claims must be a JSON object with at least one claim");
		assertThat(errors("{\"a\": 1, \"a\": 2}").get(0).message()).startsWith("Template parse error: Duplicate");
		assertThat(errors("{\"a\":".repeat(17) + "1" + "}".repeat(17)).get(0).message())
			.startsWith("Template parse error");
		ClaimsTemplate big = this.compiler.compile("t", "{\"m\": \"{{user.public_metadata}}\"}", null, null);
		Map<String, Object> context = maria();
		user(context).put("public_metadata", Map.of("blob", "x".repeat(4000)));
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> big.render(context))
			.satisfies((ex) -> assertThat(ex.errors().get(0).message()).startsWith("Rendered claims are"));
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> this.compiler.compile("t", "{\"a\": \"" + "x".repeat(70_000) + "\"}", null, null));
	}

	@Test
	void anObjectInsideTextIsAnErrorOfThatRendering() {
		ClaimsTemplate template = this.compiler.compile("t", "{\"m\": \"meta: {{user.public_metadata}}\"}", null, null);
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> template.render(maria()))
			.satisfies(
					(ex) -> assertThat(ex.errors()).containsExactly(new TemplateError("/m", Values.OBJECT_IN_STRING)));
	}

	@Test
	void authorizationClaimsFedFromUnsafeMetadataWarn() {
		ClaimsTemplate template = this.compiler.compile("t",
				"{\"role\": \"{{user.unsafe_metadata.role || 'member'}}\", \"theme\": \"{{user.unsafe_metadata.theme}}\"}",
				null, null);
		assertThat(template.warnings())
			.containsExactly(new TemplateWarning("/role", AuthorizationClaims.USER_WRITABLE.formatted("role")));
	}

	@Test
	void aMissingMetadataKeyWarnsAtRender() {
		ClaimsTemplate template = this.compiler.compile("t", "{\"p\": \"{{user.public_metadata.nope}}\"}", null, null);
		RenderedClaims rendered = template.render(maria());
		assertThat(rendered.claims()).containsEntry("p", null);
		assertThat(rendered.warnings()).extracting(TemplateWarning::path).containsExactly("/p");
	}

	@Test
	void everyMappedNameCompiles() {
		for (String name : ClerkContext.names()) {
			String shortcode = name.replace(".<key>…", ".k");
			assertThat(this.compiler.compile("t", "{\"val\": \"{{" + shortcode + "}}\"}", null, null)).as(name)
				.isNotNull();
		}
	}

	/** As JSON, so that types matter and Java's number classes do not. */
	private String render(String template, Map<String, Object> context) {
		return JSON.writeValueAsString(this.compiler.compile("t", template, null, null).render(context).claims());
	}

	private List<TemplateError> errors(String template) {
		try {
			this.compiler.compile("t", template, null, null);
		}
		catch (TemplateException ex) {
			return ex.errors();
		}
		throw new AssertionError("compiled: " + template);
	}

	private List<String> settingErrors(Duration lifetime, Duration skew) {
		try {
			this.compiler.compile("t", "{\"a\": 1}", lifetime, skew);
		}
		catch (TemplateException ex) {
			return ex.errors().stream().map(TemplateError::message).toList();
		}
		throw new AssertionError("compiled");
	}

	private static String json(String text) {
		return JSON.writeValueAsString(JSON.readTree(text));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> user(Map<String, Object> context) {
		return (Map<String, Object>) context.get("user");
	}

	/** The user of Clerk's "Complete example", as a member of Acme. */
	private static Map<String, Object> maria() {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", "user_abcdef123456789");
		user.put("email", "maria@example.com");
		user.put("email_verified", true);
		user.put("first_name", "Maria");
		user.put("last_name", "Doe");
		user.put("profile_picture_url", "https://example.com/avatar.jpg");
		user.put("external_id", null);
		user.put("metadata", Map.of("tier", "gold"));
		user.put("public_metadata", Map.of("profile", Map.of("interests", List.of("reading", "climbing"))));
		user.put("unsafe_metadata", Map.of("foo", Map.of("bar", 42)));
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("id", "org_1");
		organization.put("name", "Acme");
		organization.put("slug", "acme");
		organization.put("metadata", Map.of("code", "c-1"));
		organization.put("public_metadata", Map.of("plan", "pro"));
		Map<String, Object> membership = new LinkedHashMap<>();
		membership.put("role", "admin");
		membership.put("permissions", List.of("posts:read", "posts:write"));
		membership.put("public_metadata", Map.of("seat", 7));
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("user", user);
		context.put("organization", organization);
		context.put("organization_membership", membership);
		context.put("session", Map.of("id", "sess_1"));
		return context;
	}

}
