package dev.claimsmith.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.claimsmith.keys.ActiveSigningKey;
import dev.claimsmith.keys.BenchKeys;
import dev.claimsmith.keys.IssuerProperties;
import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.store.Ids;
import dev.claimsmith.template.ClaimsTemplate;
import dev.claimsmith.template.RenderBenchmark;
import dev.claimsmith.template.RenderedClaims;
import dev.claimsmith.user.UserId;

/**
 * The in-process part of a mint, as {@code TokenMinter} does it after loading the
 * subject: render the default template, add the reserved claims, serialize once, sign.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MintBenchmark {

	@Param({ "RS256", "ES256", "EdDSA" })
	public String algorithm;

	private ClaimsTemplate template;

	private Map<String, Object> context;

	private TokenPayloads payloads;

	private ActiveSigningKey key;

	@Setup
	public void setUp() throws IOException {
		this.template = RenderBenchmark.compileDefault();
		this.context = RenderBenchmark.context();
		this.payloads = new TokenPayloads(new IssuerProperties("http://127.0.0.1:8080", "client_bench"));
		this.key = BenchKeys.signingKey(this.algorithm, "auto");
	}

	@Benchmark
	public String renderAndSign() {
		RenderedClaims rendered = this.template.render(this.context);
		Instant issuedAt = Instant.now();
		Map<String, Object> payload = this.payloads.payload(new UserId("user_01JBENCHMARKUSER000000000"),
				new OrganizationId("org_01JBENCHMARKORG000000000"), "admin", List.of("posts:read", "posts:write"), null, issuedAt,
				issuedAt.plus(Duration.ofHours(1)), Ids.next("jti"), "AAAAAAAAAAAAAAAAAAAAAA", rendered.claims());
		return this.key.sign(this.payloads.toJson(payload));
	}

}
