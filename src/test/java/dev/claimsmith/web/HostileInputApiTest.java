package dev.claimsmith.web;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container itself objects to (malformed percent-encoding, too many
 * parameters, bodies over the limit however they are framed, paths no endpoint serves)
 * are a 4xx in the contract's shape wherever they arrive, with or without an API key:
 * never a 500, never an ERROR or a stack trace in the log, never a secret in it.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputApiTest {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	static final String AUTHORIZATION = "Authorization: Bearer " + ApiClient.API_KEY + "\r\n";

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	RawHttp raw;

	@BeforeEach
	void setUp() {
		this.raw = new RawHttp(this.port);
	}

	@Test
	void malformedPercentEncodingInTheQueryThen400Anywhere(CapturedOutput output) throws IOException {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/organizations",
				"/.well-known/jwks.json", "/jwt_templates" }) {
			for (String headers : new String[] { "", AUTHORIZATION }) {
				Response response = this.raw.get(path + "?x=%zz", headers);
				assertThatError(response).as(path + " with key: " + !headers.isEmpty())
					.is(400, "invalid_request")
					.namesField("request");
			}
		}
		Response post = this.raw.send(
				"POST /user_management/authenticate?x=%zz HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: 2\r\n",
				"{}".getBytes(StandardCharsets.US_ASCII));
		assertThatError(post).is(400, "invalid_request");
		assertQuietLog(output);
	}

	@Test
	void malformedPercentEncodingInAFormBodyThen400(CapturedOutput output) throws IOException {
		byte[] form = "token=%zz".getBytes(StandardCharsets.US_ASCII);
		Response response = this.raw.send(
				"POST /oauth2/introspect HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n",
				form);

		assertThatError(response).is(400, "invalid_request");
		assertQuietLog(output);
	}

	@Test
	void tooManyParametersThen400(CapturedOutput output) throws IOException {
		String parameters = "a=1&".repeat(1500);
		assertThatError(this.raw.get("/actuator/health?" + parameters, "")).is(400, "invalid_request");
		assertThatError(this.raw.get("/organizations?" + parameters, AUTHORIZATION)).is(400, "invalid_request");

		byte[] form = parameters.repeat(10).getBytes(StandardCharsets.US_ASCII);
		Response response = this.raw.send(
				"POST /oauth2/introspect HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n",
				form);
		assertThatError(response).is(400, "invalid_request");
		assertQuietLog(output);
	}

	@Test
	void healthPathBelowAnUnknownNameThen404InTheErrorShape(CapturedOutput output) throws IOException {
		for (String path : new String[] { "/actuator/health/a/b", "/actuator/health/a%2Fb", "/actuator/health/x/y/z",
				"/actuator/health/readiness/a/b", "/actuator/health/db/x" }) {
			for (String headers : new String[] { "", AUTHORIZATION }) {
				assertThatError(this.raw.get(path, headers)).as(path).is(404, "not_found");
			}
		}
		assertQuietLog(output);
	}

	@Test
	void unknownHealthGroupOrComponentThen404InTheErrorShape(CapturedOutput output) {
		ApiClient anonymous = this.api.withApiKey(null);

		assertThatError(anonymous.get("/actuator/health/no-such-group")).is(404, "not_found");
		assertThatError(anonymous.get("/actuator/health/liveness/db")).is(404, "not_found");
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness/db").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/db").status()).isEqualTo(200);
		assertQuietLog(output);
	}

	@Test
	void errorPathAskedForDirectlyThen404(CapturedOutput output) {
		assertThatError(this.api.get("/error")).is(404, "not_found");
		assertThatError(this.api.withApiKey(null).get("/error")).is(404, "not_found");
		assertThatError(this.api.post("/error", Map.of("a", "b"))).is(404, "not_found");
		assertQuietLog(output);
	}

	@Test
	void formBodyOverTheLimitThen413HoweverItIsFramed(CapturedOutput output) throws IOException {
		for (int size : new int[] { MAX_BODY_BYTES + 1, 3 * MAX_BODY_BYTES }) {
			byte[] form = form(size);
			for (String path : new String[] { "/oauth2/introspect", "/organizations", "/user_management/authenticate",
					"/actuator/health" }) {
				Response chunked = this.raw.send(
						"POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
								+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n",
						RawHttp.chunked(form));
				assertThatError(chunked).as("chunked %s bytes to %s", size, path).is(413, "request_too_large");
				Response declared = this.raw.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n",
						form);
				assertThatError(declared).as("declared %s bytes to %s", size, path).is(413, "request_too_large");
			}
			Response put = this.raw.send(
					"PUT /organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX HTTP/1.1\r\n" + "Host: localhost\r\n"
							+ AUTHORIZATION
							+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n",
					RawHttp.chunked(form));
			assertThatError(put).as("chunked PUT of %s bytes", size).is(413, "request_too_large");
		}
		assertQuietLog(output);
	}

	@Test
	void formBodyWithinTheLimitIsStillRead() {
		Response response = this.api.send(this.api.request("/oauth2/introspect")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("token=abc&padding=" + "x".repeat(MAX_BODY_BYTES - 100)))
			.build());

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("active").asBoolean()).isFalse();
	}

	@Test
	void multipartBodyIsNotParsedThen4xx(CapturedOutput output) throws IOException {
		byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" + "x".repeat(3 * MAX_BODY_BYTES)
				+ "\r\n--b--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		Response response = this.raw.send(
				"POST /oauth2/introspect HTTP/1.1\r\nHost: localhost\r\n" + AUTHORIZATION
						+ "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n",
				RawHttp.chunked(body));

		assertThatError(response).isClientError();
		assertQuietLog(output);
	}

	private static byte[] form(int size) {
		byte[] form = new byte[size];
		Arrays.fill(form, (byte) 'x');
		System.arraycopy("token=".getBytes(StandardCharsets.US_ASCII), 0, form, 0, 6);
		return form;
	}

	/** No ERROR, no stack trace, no API key: at most a quiet line per refused request. */
	static void assertQuietLog(CapturedOutput output) {
		assertThat(output.getAll().lines()).as("log lines")
			.noneMatch((line) -> line.contains(" ERROR "))
			.noneMatch((line) -> line.startsWith("\tat ") || line.contains("Exception:"))
			.noneMatch((line) -> line.contains(ApiClient.API_KEY));
	}

}
