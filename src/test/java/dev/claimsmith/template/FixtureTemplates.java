package dev.claimsmith.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A templates folder of test templates, written when the application context asks for
 * {@code claimsmith.templates.dir}: the schema's every-path template and WorkOS's
 * documented templates. Classes that extend this share one context (the property source
 * method is the same), and the repository's {@code templates/} is never touched.
 */
abstract class FixtureTemplates {

	static final String EVERY_PATH = "every-path";

	/**
	 * WorkOS's documented templates (workos.com/docs/authkit/jwt-templates), verbatim.
	 */
	static final Map<String, String> WORKOS = workos();

	private static final Path DIR = Path.of("target/fixture-templates").toAbsolutePath();

	@DynamicPropertySource
	static void templatesDir(DynamicPropertyRegistry registry) {
		registry.add("claimsmith.templates.dir", FixtureTemplates::write);
	}

	private static String write() {
		try {
			Files.createDirectories(DIR);
			Files.copy(Path.of("templates/default.json"), DIR.resolve("default.json"),
					StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(DIR.resolve(EVERY_PATH + ".json"), everyPathTemplate());
			for (Map.Entry<String, String> template : WORKOS.entrySet()) {
				Files.writeString(DIR.resolve(template.getKey() + ".json"), template.getValue());
			}
			return DIR.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One typed claim per field of {@link ClaimsContextSchema}, named by its path and
	 * reading its deepest leaf ({@link #leaf}).
	 */
	static String everyPathTemplate() {
		List<String> claims = new ArrayList<>();
		for (ClaimsContextSchema.ContextObject object : ClaimsContextSchema.get().objects()) {
			for (ClaimsContextSchema.ContextField field : object.fields()) {
				String path = object.name() + "." + field.name();
				claims.add("  \"" + path + "\": {{ " + leaf(path, field.type()) + " }}");
			}
		}
		return "{\n" + String.join(",\n", claims) + "\n}\n";
	}

	/**
	 * The path to a leaf value below a field: JSON classes hold {@code probe.nested[0]}.
	 */
	static String leaf(String path, ClaimsContextSchema.Type type) {
		return switch (type) {
			case STRING, BOOLEAN -> path;
			case STRING_LIST -> path + ".0";
			case DOMAINS -> path + ".0.domain";
			case JSON_OBJECT -> path + ".probe.nested.0";
		};
	}

	private static Map<String, String> workos() {
		Map<String, String> templates = new LinkedHashMap<>();
		// "Example usage"
		templates.put("workos-example", """
				{
				  "urn:myapp:full_name": "{{ user.first_name || 'Someone' }} {{ user.last_name || 'Unknown' }}",
				  "urn:myapp:email": {{ user.email }},
				  "urn:myapp:organization_tier": "{{ organization.metadata.tier || 'bronze' }}",
				  "urn:myapp:user_language": "{{ user.metadata.language || 'en' }}",
				  "urn:myapp:organization_domain": "{{ organization.domains.0.domain }}"
				}
				""");
		// "Custom attributes": IdP attributes of the membership, a double-quoted literal.
		templates.put("workos-custom-attributes", """
				{
				  "urn:myapp:department": {{ organization_membership.custom_attributes.department }},
				  "urn:myapp:job_title": {{ organization_membership.custom_attributes.job_title }},
				  "urn:myapp:cost_center": {{ organization_membership.custom_attributes.cost_center || "default" }}
				}
				""");
		// The syntax section, one snippet each.
		templates.put("workos-variable", "{ \"user\": {{ user.first_name }} }");
		templates.put("workos-fallback-path", "{ \"user\": {{ user.metadata.nickname || user.email }} }");
		templates.put("workos-fallback-string", "{ \"user\": {{ user.metadata.nickname || 'Guest' }} }");
		templates.put("workos-string", "{ \"user\": \"{{ user.first_name }} {{ user.last_name }}\" }");
		templates.put("workos-object",
				"{ \"user_metadata\": {{ user.metadata }}, \"org\": {{ organization.metadata }} }");
		return templates;
	}

}
