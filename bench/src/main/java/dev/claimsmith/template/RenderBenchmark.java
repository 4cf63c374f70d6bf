package dev.claimsmith.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Renders {@code templates/default.json} (compiled once, as the service caches it) for a
 * user in an organization. The template path is {@code -Dclaimsmith.bench.template},
 * {@code templates/default.json} from the repository root by default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {

	private ClaimsTemplate template;

	private Map<String, Object> context;

	@Setup
	public void setUp() throws IOException {
		this.template = compileDefault();
		this.context = context();
	}

	@Benchmark
	public RenderedClaims render() {
		return this.template.render(this.context);
	}

	/** The default template, compiled as the service compiles it at start-up. */
	public static ClaimsTemplate compileDefault() throws IOException {
		Path path = Path.of(System.getProperty("claimsmith.bench.template", "templates/default.json"));
		TemplateProperties properties = TemplateProperties.defaults(path.getParent());
		return new TemplateCompiler(properties).compile("default", Files.readString(path));
	}

	/** A context shaped as the token package builds it: Jane, admin of Acme. */
	public static Map<String, Object> context() {
		Map<String, Object> user = new java.util.LinkedHashMap<>();
		user.put("id", "user_01JBENCHMARKUSER000000000");
		user.put("email", "jane@acme.test");
		user.put("email_verified", false);
		user.put("first_name", "Jane");
		user.put("last_name", "Doe");
		user.put("profile_picture_url", null);
		user.put("external_id", "ext-jane");
		user.put("metadata", Map.of("department", "engineering"));
		Map<String, Object> organization = new java.util.LinkedHashMap<>();
		organization.put("id", "org_01JBENCHMARKORG000000000");
		organization.put("name", "Acme");
		organization.put("external_id", null);
		organization.put("metadata", Map.of("plan", "pro", "seats", "12"));
		organization.put("domains", List.of(Map.of("domain", "acme.test")));
		Map<String, Object> membership = new java.util.LinkedHashMap<>();
		membership.put("id", "om_01JBENCHMARKMEMBERSHIP0000");
		membership.put("role", "admin");
		membership.put("roles", List.of("admin"));
		membership.put("permissions", List.of("posts:read", "posts:write"));
		membership.put("status", "active");
		return Map.of("user", user, "organization", organization, "organization_membership", membership);
	}

}
