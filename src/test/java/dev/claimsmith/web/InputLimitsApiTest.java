package dev.claimsmith.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.claimsmith.ApiClient;
import dev.claimsmith.ApiClient.Response;
import dev.claimsmith.ApiResource;
import dev.claimsmith.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.claimsmith.ApiClient.json;
import static dev.claimsmith.ApiClient.unique;
import static dev.claimsmith.ApiErrorAssert.assertThatError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web layer's limits on request bodies, for every write endpoint: hostile or
 * malformed input is a 4xx in the contract's shape, never a 500, and writes nothing. Each
 * create body carries a fresh external id, so "nothing written" is a 404 on looking it
 * up.
 */
@ApiTest
class InputLimitsApiTest {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	static final int MAX_DEPTH = 32;

	@LocalServerPort
	int port;

	@Autowired
	ApiClient api;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenJsonIsMalformedThen422AndNothingWritten(ApiResource resource) {
		String externalId = "malformed-" + unique();
		String valid = validBody(resource, externalId);

		assertRejected(resource, externalId, valid.substring(0, valid.length() - 1));
		assertRejected(resource, externalId, valid.replace('"', '\''));
		assertRejected(resource, externalId, "external_id=" + externalId);
		assertRejected(resource, externalId, valid.replace("\"external_id\":", "external_id:"));
		assertRejected(resource, externalId, valid.replace("}", ",}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenJsonIsFollowedByMoreTokensThen422AndNothingWritten(ApiResource resource) {
		String externalId = "trailing-" + unique();
		String valid = validBody(resource, externalId);

		assertRejected(resource, externalId, valid + " garbage");
		assertRejected(resource, externalId, valid + valid);
		assertRejected(resource, externalId, valid + "]");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenAKeyIsRepeatedThen422AndNothingWritten(ApiResource resource) {
		String externalId = "duplicate-" + unique();
		String valid = validBody(resource, externalId);

		assertRejected(resource, externalId, "{\"external_id\":\"" + externalId + "\"," + valid.substring(1));
		assertRejected(resource, externalId,
				valid.replace("}", ",\"metadata\":{\"k\":\"1\"},\"metadata\":{\"k\":\"2\"}}"));
		assertRejected(resource, externalId, valid.replace("}", ",\"metadata\":{\"k\":\"1\",\"k\":\"2\"}}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenBodyIsNotAJsonObjectThen422AndNothingWritten(ApiResource resource) {
		String externalId = "not-object-" + unique();

		assertRejected(resource, externalId, "[" + validBody(resource, externalId) + "]");
		assertRejected(resource, externalId, json(externalId));
		assertRejected(resource, externalId, "null");
		assertRejected(resource, externalId, "");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenNestedDeeperThanTheLimitThen422AndNothingWritten(ApiResource resource) {
		String externalId = "deep-" + unique();

		assertRejected(resource, externalId, withNesting(validBody(resource, externalId), MAX_DEPTH + 1));
		assertRejected(resource, externalId, withNesting(validBody(resource, externalId), 100_000));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenNestedExactlyToTheLimitThenAccepted(ApiResource resource) {
		String externalId = "deep-ok-" + unique();

		Response created = this.api.post(resource.path(), withNesting(validBody(resource, externalId), MAX_DEPTH));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenANumberIsAbsurdlyLongThen422AndNothingWritten(ApiResource resource) {
		String externalId = "number-" + unique();

		assertRejected(resource, externalId,
				validBody(resource, externalId).replace("}", ",\"n\":" + "9".repeat(10_000) + "}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenBodyIsNotUtf8Then422AndNothingWritten(ApiResource resource) {
		String externalId = "latin1-" + unique();
		byte[] latin1 = validBody(resource, externalId).replace("}", ",\"x\":\"caf\u00e9\"}")
			.getBytes(StandardCharsets.ISO_8859_1);

		Response response = this.api.send(this.api.request(resource.path())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(latin1))
			.build());
		assertThatError(response).is(422, "invalid_request_parameters");
		assertNotWritten(resource, externalId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenBodyIsUtf16OrUtf32Then422AndNothingWritten(ApiResource resource) {
		String externalId = "utf32-" + unique();

		for (String charset : new String[] { "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE" }) {
			byte[] body = validBody(resource, externalId).getBytes(Charset.forName(charset));
			Response response = post(resource, BodyPublishers.ofByteArray(body));
			assertThatError(response).as(charset).is(422, "invalid_request_parameters");
		}
		assertNotWritten(resource, externalId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenBodyIsOverOneMebibyteThen413AndNothingWritten(ApiResource resource) {
		String externalId = "large-" + unique();
		byte[] body = bodyOfSize(resource, externalId, MAX_BODY_BYTES + 1);

		Response declared = post(resource, BodyPublishers.ofByteArray(body));
		assertThatError(declared).is(413, "request_too_large");
		Response chunked = post(resource, chunked(body));
		assertThatError(chunked).is(413, "request_too_large");
		assertNotWritten(resource, externalId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenBodyIsExactlyOneMebibyteThenAccepted(ApiResource resource) {
		Response declared = post(resource,
				BodyPublishers.ofByteArray(bodyOfSize(resource, "mib-" + unique(), MAX_BODY_BYTES)));
		assertThat(declared.status()).as(declared.text()).isEqualTo(201);
		Response chunked = post(resource, chunked(bodyOfSize(resource, "mib-" + unique(), MAX_BODY_BYTES)));
		assertThat(chunked.status()).as(chunked.text()).isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenContentTypeIsNotJsonThen415AndNothingWritten(ApiResource resource) {
		String externalId = "media-" + unique();
		String body = validBody(resource, externalId);

		for (String contentType : new String[] { "text/plain", "application/x-www-form-urlencoded",
				"application/xml" }) {
			Response response = this.api.send(this.api.request(resource.path())
				.header("Content-Type", contentType)
				.POST(BodyPublishers.ofString(body))
				.build());
			assertThatError(response).is(415, "unsupported_media_type");
		}
		Response none = this.api.send(this.api.request(resource.path()).POST(BodyPublishers.ofString(body)).build());
		assertThatError(none).is(415, "unsupported_media_type");
		assertNotWritten(resource, externalId);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void createWhenContentTypeNamesACharsetThenAccepted(ApiResource resource) {
		Response response = this.api.send(this.api.request(resource.path())
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(BodyPublishers.ofString(validBody(resource, "charset-" + unique())))
			.build());

		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.claimsmith.ApiResource#all")
	void updateWhenBodyIsHostileThen4xxAndTheObjectIsUnchanged(ApiResource resource) {
		String id = this.api.post(resource.path(), resource.createBody(Map.of("metadata", Map.of("k", "v"))))
			.field("id");
		Response before = this.api.get(resource.pathOf(id));
		String valid = json(Map.of("external_id", "changed-" + unique(), "metadata", Map.of("k", "changed")));

		assertThatError(this.api.put(resource.pathOf(id), valid.substring(1))).is(422, "invalid_request_parameters");
		assertThatError(this.api.put(resource.pathOf(id), valid + "x")).is(422, "invalid_request_parameters");
		assertThatError(this.api.put(resource.pathOf(id), "{\"metadata\":{}," + valid.substring(1))).is(422,
				"invalid_request_parameters");
		assertThatError(this.api.put(resource.pathOf(id), withNesting(valid, MAX_DEPTH + 1))).is(422,
				"invalid_request_parameters");
		assertThatError(this.api.put(resource.pathOf(id), "[]")).is(422, "invalid_request_parameters");
		assertThatError(this.api.send(this.api.request(resource.pathOf(id))
			.header("Content-Type", "application/json")
			.PUT(chunked(padded(valid, MAX_BODY_BYTES + 1)))
			.build())).is(413, "request_too_large");
		assertThatError(this.api.send(this.api.request(resource.pathOf(id))
			.header("Content-Type", "text/plain")
			.PUT(BodyPublishers.ofString(valid))
			.build())).is(415, "unsupported_media_type");
		assertThat(this.api.get(resource.pathOf(id)).json()).isEqualTo(before.json());
	}

	@Test
	void unknownPathThen404InTheErrorShape() {
		assertThatError(this.api.get("/no-such-endpoint")).is(404, "not_found");
		assertThatError(this.api.post("/no-such-endpoint", Map.of("a", "b"))).is(404, "not_found");
		assertThatError(this.api.get("/organizations/a/b/c")).is(404, "not_found");
	}

	@Test
	void unsupportedMethodThen405InTheErrorShape() {
		Response deleteAll = this.api.delete("/organizations");
		assertThatError(deleteAll).is(405, "method_not_allowed");
		assertThat(deleteAll.header("Allow")).contains("GET", "POST");
		assertThatError(this.api.send("PATCH", "/organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX", "{}")).is(405,
				"method_not_allowed");
		assertThatError(this.api.post("/organizations/org_01HXXXXXXXXXXXXXXXXXXXXXXX", Map.of("name", "x"))).is(405,
				"method_not_allowed");
	}

	@Test
	void malformedUrlThen400WithoutInternals() throws IOException {
		// java.net.URI refuses to build such a URL, so it goes over a plain socket.
		String answer = rawGet("/organizations/%zz");

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).doesNotContain("Exception", "\tat ", "Tomcat");
		assertThat(answer).containsIgnoringCase("Content-Type: application/json")
			.contains("{\"code\":\"invalid_request\",\"message\":\"Bad Request: the request is malformed.\","
					+ "\"errors\":[{\"field\":\"request\",\"code\":\"invalid_request\",");
	}

	@Test
	void oversizedHeaderThen400InTheErrorShape() throws IOException {
		String answer = rawGet("/organizations", "X-Padding: " + "a".repeat(20_000) + "\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).doesNotContain("Exception", "\tat ", "Tomcat");
		assertThat(answer).contains("\"code\":\"invalid_request\"");
	}

	private String rawGet(String path) throws IOException {
		return rawGet(path, "");
	}

	private String rawGet(String path, String extraHeaders) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ ApiClient.API_KEY + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private void assertRejected(ApiResource resource, String externalId, String body) {
		Response response = this.api.post(resource.path(), body);
		assertThatError(response).as((body.length() > 200) ? body.substring(0, 200) + "…" : body)
			.is(422, "invalid_request_parameters");
		assertNotWritten(resource, externalId);
	}

	private void assertNotWritten(ApiResource resource, String externalId) {
		Response lookup = this.api.get(resource.pathOfExternalId(externalId));
		assertThat(lookup.status()).as("lookup of %s after a rejected write", externalId).isEqualTo(404);
	}

	private Response post(ApiResource resource, BodyPublisher body) {
		return this.api
			.send(this.api.request(resource.path()).header("Content-Type", "application/json").POST(body).build());
	}

	private static String validBody(ApiResource resource, String externalId) {
		return json(resource.createBody(Map.of("external_id", externalId)));
	}

	/**
	 * {@code body} with an extra field that makes the whole document {@code depth} deep.
	 */
	private static String withNesting(String body, int depth) {
		int arrays = depth - 1;
		return body.substring(0, body.length() - 1) + ",\"nested\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
	}

	private static byte[] bodyOfSize(ApiResource resource, String externalId, int size) {
		return padded(validBody(resource, externalId), size);
	}

	/** {@code body} with an extra string field, padded to exactly {@code size} bytes. */
	private static byte[] padded(String body, int size) {
		String start = body.substring(0, body.length() - 1) + ",\"padding\":\"";
		String end = "\"}";
		String padding = "x".repeat(size - start.length() - end.length());
		byte[] bytes = (start + padding + end).getBytes(StandardCharsets.US_ASCII);
		assertThat(bytes).hasSize(size);
		return bytes;
	}

	/** Without a length known up front, java.net.http sends the body chunked. */
	private static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

}
