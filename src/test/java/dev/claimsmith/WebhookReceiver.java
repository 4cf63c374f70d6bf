package dev.claimsmith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver on loopback: records every request in arrival order, counts the
 * requests in flight per path (and the most ever at once), and answers as its
 * {@link Answer} says. Each request gets a thread of its own, so deliveries that overlap
 * really are handled at once (the JDK server's default runs them one after another, which
 * would hide a duplicate concurrent delivery).
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Answer answer;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();

	private WebhookReceiver(Answer answer) throws IOException {
		this.answer = answer;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** A receiver answering each request as {@code answer} says. */
	public static WebhookReceiver start(Answer answer) throws IOException {
		return new WebhookReceiver(answer);
	}

	/** The URL of {@code path} on this receiver. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Every request so far, in arrival order. */
	public List<Request> received() {
		return List.copyOf(this.received);
	}

	/** The requests so far about one object ({@code data.id}), in arrival order. */
	public List<Request> about(String objectId) {
		return this.received.stream().filter((request) -> objectId.equals(request.objectId())).toList();
	}

	/** The most requests to {@code path} ever in flight at once. */
	public int maxInFlight(String path) {
		AtomicInteger max = this.maxInFlight.get(path);
		return (max != null) ? max.get() : 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Request request = new Request(path,
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		int now = this.inFlight.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		this.maxInFlight.computeIfAbsent(path, (key) -> new AtomicInteger()).accumulateAndGet(now, Math::max);
		this.received.add(request);
		int status;
		try {
			status = this.answer.status(request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = 503;
		}
		finally {
			// Before the answer: once it is sent, the next delivery may arrive at once.
			this.inFlight.get(path).decrementAndGet();
		}
		try {
			exchange.sendResponseHeaders(status, -1);
		}
		catch (IOException ex) {
			// The sender is gone (killed mid-delivery): nobody to answer.
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/**
	 * Waits up to {@code limit} for {@code condition}, failing the test if it never
	 * holds.
	 */
	public static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s", limit).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** How the receiver answers a request: the HTTP status, after as long as it likes. */
	@FunctionalInterface
	public interface Answer {

		int status(Request request) throws InterruptedException;

	}

	/** One request as received. */
	public record Request(String path, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The event's id ({@code event_…}). */
		public String eventId() {
			return json().get("id").asString();
		}

		public String event() {
			return json().get("event").asString();
		}

		public String objectId() {
			return json().get("data").get("id").asString();
		}

		/** The object's {@code name}, for organizations. */
		public String name() {
			return json().get("data").path("name").asString("");
		}

	}

}
