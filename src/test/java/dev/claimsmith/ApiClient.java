package dev.claimsmith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for contract tests: sends JSON, returns status, headers and the
 * parsed body, and never hides what went over the wire.
 */
public final class ApiClient {

	public static final String API_KEY = "sk_test_0123456789abcdef0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String baseUrl;

	private final String apiKey;

	public ApiClient(int port) {
		this("http://localhost:" + port, API_KEY);
	}

	public ApiClient(String baseUrl, String apiKey) {
		this(baseUrl, apiKey, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
	}

	private ApiClient(String baseUrl, String apiKey, HttpClient http) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.http = http;
	}

	/** A client of an {@link HttpsApiTest}'s service, trusting the test CA. */
	public static ApiClient https(int port) {
		return new ApiClient("https://localhost:" + port, API_KEY,
				HttpClient.newBuilder()
					.connectTimeout(Duration.ofSeconds(10))
					.sslContext(TestTls.sslContext())
					.build());
	}

	/** The same server, another (or no) API key. */
	public ApiClient withApiKey(String apiKey) {
		return new ApiClient(this.baseUrl, apiKey, this.http);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	/**
	 * Sends {@code body} as is when it is a String (raw JSON, possibly malformed), else
	 * as JSON.
	 */
	public Response send(String method, String path, Object body) {
		String text = (body instanceof String raw) ? raw : (body != null) ? JSON.writeValueAsString(body) : null;
		HttpRequest.Builder request = request(path).method(method,
				(text != null) ? HttpRequest.BodyPublishers.ofString(text) : HttpRequest.BodyPublishers.noBody());
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build());
	}

	/**
	 * A request to {@code path} carrying this client's API key and nothing else, for
	 * tests that control the wire themselves (content type, chunked bodies, raw bytes).
	 */
	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (this.apiKey != null) {
			request.header("Authorization", "Bearer " + this.apiKey);
		}
		return request;
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code value} as JSON text. */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A short random suffix that keeps test data unique in the shared database. */
	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	public record Response(int status, Map<String, List<String>> headers, String text) {

		public JsonNode json() {
			return JSON.readTree(this.text);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The body's field as text, for brevity in assertions. */
		public String field(String name) {
			JsonNode node = json().get(name);
			return (node == null || node.isNull()) ? null : node.asString();
		}

	}

}
