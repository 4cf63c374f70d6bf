package dev.claimsmith.keys;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.util.Base64URL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One JWS signature over a typical token's signing input (header and a ~450-byte
 * payload), as the mint path makes it: the signer is the one the service builds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignBenchmark {

	static final String PAYLOAD = "{\"iss\":\"http://127.0.0.1:8080\",\"sub\":\"user_01JBENCHMARKUSER000000000\","
			+ "\"exp\":1790000000,\"iat\":1789996400,\"jti\":\"jti_01JBENCHMARKJTI0000000000\","
			+ "\"org_id\":\"org_01JBENCHMARKORG000000000\",\"role\":\"admin\",\"roles\":[\"admin\"],"
			+ "\"permissions\":[\"posts:read\",\"posts:write\"],\"client_id\":\"client_bench\","
			+ "\"name\":\"Jane Doe\",\"email\":\"jane@acme.test\",\"email_verified\":false,"
			+ "\"organization_name\":\"Acme\",\"user_external_id\":\"ext-jane\",\"plan\":\"pro\",\"seats\":12,"
			+ "\"department\":\"engineering\"}";

	@Param({ "RS256", "ES256", "EdDSA" })
	public String algorithm;

	@Param({ "auto" })
	public String provider;

	private ActiveSigningKey key;

	private byte[] signingInput;

	@Setup
	public void setUp() {
		this.key = BenchKeys.signingKey(this.algorithm, this.provider);
		String input = this.key.header().toBase64URL() + "."
				+ Base64URL.encode(PAYLOAD.getBytes(StandardCharsets.UTF_8));
		this.signingInput = input.getBytes(StandardCharsets.US_ASCII);
	}

	@Benchmark
	public Base64URL sign() throws JOSEException {
		return this.key.signer().sign(this.key.header(), this.signingInput);
	}

}
