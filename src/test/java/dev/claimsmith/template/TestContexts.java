package dev.claimsmith.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a context shaped as the token package builds it, editable per test. */
final class TestContexts {

	private TestContexts() {
	}

	/**
	 * The templates of {@code properties}'s folder as the application has them: loaded.
	 */
	static ClaimsTemplates loaded(TemplateProperties properties) {
		ClaimsTemplates templates = new ClaimsTemplates(properties);
		templates.load();
		return templates;
	}

	static TemplateCompiler compiler() {
		return new TemplateCompiler(TemplateProperties.defaults(Path.of("templates")));
	}

	/** Jane, admin of Acme, with metadata; every map mutable so tests can tweak it. */
	static Map<String, Object> jane() {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", "user_01J");
		user.put("email", "jane@acme.test");
		user.put("email_verified", false);
		user.put("first_name", "Jane");
		user.put("last_name", "Doe");
		user.put("profile_picture_url", null);
		user.put("external_id", "ext-jane");
		user.put("metadata", ordered("seats", "12", "plan", "pro", "beta", "true"));
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("id", "org_01J");
		organization.put("name", "Acme");
		organization.put("external_id", null);
		organization.put("metadata", ordered("tier", "gold", "roles", "user,editor"));
		organization.put("domains",
				new ArrayList<>(List.of(Map.of("domain", "acme.test"), Map.of("domain", "acme.io"))));
		Map<String, Object> membership = new LinkedHashMap<>();
		membership.put("id", "om_01J");
		membership.put("role", "admin");
		membership.put("roles", new ArrayList<>(List.of("admin", "member")));
		membership.put("permissions", new ArrayList<>(List.of("posts:read", "posts:write")));
		membership.put("status", "active");
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("user", user);
		context.put("organization", organization);
		context.put("organization_membership", membership);
		return context;
	}

	static Map<String, Object> ordered(String... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> section(Map<String, Object> context, String name) {
		return (Map<String, Object>) context.get(name);
	}

}
