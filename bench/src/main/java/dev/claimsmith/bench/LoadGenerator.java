package dev.claimsmith.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP/1.1 load generator for loopback benchmarks: keep-alive connections, one
 * thread each, plain sockets (a light client, so the server gets most of the 2 cores).
 * <p>
 * Without {@code --rate} it saturates (closed loop: each connection sends the next
 * request when the last answered). With {@code --rate R} it is open-loop: requests are
 * due at a fixed schedule and latency is measured from when a request was due, not sent,
 * so a stalled server is not hidden (no coordinated omission). Always bounded: stops
 * after {@code --duration} seconds or {@code --max-requests} requests, whichever comes
 * first, and refuses any host that is not loopback.
 * <p>
 * Prints one line: {@code RESULT name=... requests=... errors=... rps=... p50_ms=...
 * p99_ms=... max_ms=... server_cpu_us_per_request=... warmup_errors=...}; any non-2xx
 * answer or I/O failure counts as an error, and the first few are shown.
 */
public final class LoadGenerator {

	private final Options options;

	private final byte[][] requests;

	private final AtomicLong errors = new AtomicLong();

	private final AtomicLong errorReports = new AtomicLong();

	private LoadGenerator(Options options) throws IOException {
		this.options = options;
		this.requests = options.bodies().stream().map(this::request).toArray(byte[][]::new);
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		new LoadGenerator(options).run();
	}

	private void run() throws InterruptedException {
		Options o = this.options;
		// Warm-up: same load, latencies dropped; its errors are reported apart, not hidden.
		long warmupErrors = 0;
		if (o.warmupSeconds() > 0) {
			// Bounded like the measured phase: each connection preallocates room for its samples.
			runPhase(o.warmupSeconds(), o.maxRequests());
			warmupErrors = this.errors.getAndSet(0);
		}
		long started = System.nanoTime();
		long serverCpuBefore = serverCpuNanos();
		List<long[]> latencies = runPhase(o.durationSeconds(), o.maxRequests());
		long serverCpu = serverCpuNanos() - serverCpuBefore;
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] all = merge(latencies);
		Arrays.sort(all);
		System.out.printf(java.util.Locale.ROOT,
				"RESULT name=%s connections=%d target_rps=%.0f requests=%d errors=%d seconds=%.1f rps=%.1f "
						+ "p50_ms=%.3f p99_ms=%.3f max_ms=%.3f server_cpu_us_per_request=%.0f warmup_errors=%d%n",
				o.name(), o.connections(), o.rate(), all.length, this.errors.get(), seconds, all.length / seconds,
				percentile(all, 0.50), percentile(all, 0.99), (all.length == 0) ? 0.0 : all[all.length - 1] / 1e6,
				(all.length == 0) ? 0.0 : serverCpu / 1e3 / all.length, warmupErrors);
	}

	/**
	 * The server's CPU time so far (0 without {@code --server-pid}): CPU per request is
	 * steadier than requests per second on a machine that other work also loads.
	 */
	private long serverCpuNanos() {
		if (this.options.serverPid() <= 0) {
			return 0;
		}
		return ProcessHandle.of(this.options.serverPid())
			.flatMap((process) -> process.info().totalCpuDuration())
			.map(java.time.Duration::toNanos)
			.orElse(0L);
	}

	private List<long[]> runPhase(double seconds, long maxRequests) throws InterruptedException {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long perConnection = Math.max(1, maxRequests / this.options.connections());
		int capacity = (int) Math.min(perConnection, 4_000_000);
		List<long[]> results = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.options.connections(); i++) {
			long[] samples = new long[capacity + 1];
			results.add(samples);
			int index = i;
			Thread thread = new Thread(() -> connectionLoop(index, samples, capacity, deadline), "load-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return results;
	}

	/** samples[0] holds the count; latencies in nanoseconds follow. */
	private void connectionLoop(int index, long[] samples, int capacity, long deadline) {
		double rate = this.options.rate();
		long interval = (rate > 0) ? (long) (1e9 * this.options.connections() / rate) : 0;
		// Spread the connections' schedules over one interval.
		long due = System.nanoTime() + ((interval > 0) ? interval * index / this.options.connections() : 0);
		Connection connection = null;
		int count = 0;
		int next = index;
		while (count < capacity) {
			if (interval > 0) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
			long start = (interval > 0) ? due : System.nanoTime();
			if (start >= deadline || System.nanoTime() >= deadline) {
				break;
			}
			try {
				if (connection == null) {
					connection = new Connection(this.options.uri());
				}
				int status = connection.exchange(this.requests[next++ % this.requests.length]);
				if (status < 200 || status > 299) {
					error("HTTP " + status);
				}
				if (connection.closed()) {
					connection.close();
					connection = null;
				}
			}
			catch (IOException ex) {
				error(ex.toString());
				if (connection != null) {
					connection.close();
				}
				connection = null;
			}
			samples[++count] = System.nanoTime() - start;
			due += interval;
		}
		samples[0] = count;
		if (connection != null) {
			connection.close();
		}
	}

	private void error(String message) {
		this.errors.incrementAndGet();
		if (this.errorReports.incrementAndGet() <= 5) {
			System.err.println("error: " + message);
		}
	}

	private byte[] request(String body) {
		URI uri = this.options.uri();
		StringBuilder head = new StringBuilder();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		head.append(this.options.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
		this.options.headers().forEach((header) -> head.append(header).append("\r\n"));
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		if (!body.isEmpty()) {
			head.append("Content-Type: application/json\r\n");
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
		System.arraycopy(content, 0, request, headBytes.length, content.length);
		return request;
	}

	private static long[] merge(List<long[]> latencies) {
		int total = latencies.stream().mapToInt((samples) -> (int) samples[0]).sum();
		long[] all = new long[total];
		int at = 0;
		for (long[] samples : latencies) {
			int count = (int) samples[0];
			System.arraycopy(samples, 1, all, at, count);
			at += count;
		}
		return all;
	}

	private static double percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0.0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** One keep-alive HTTP/1.1 connection; reads Content-Length and chunked bodies. */
	private static final class Connection {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		private boolean closed;

		Connection(URI uri) throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(10_000);
			this.socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16384);
		}

		int exchange(byte[] request) throws IOException {
			this.out.write(request);
			this.out.flush();
			String statusLine = line();
			if (!statusLine.startsWith("HTTP/1.1 ")) {
				throw new IOException("Bad status line: " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					this.closed = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(),
						16)) {
					skip(size);
					line();
				}
				line();
			}
			else if (length >= 0) {
				skip(length);
			}
			else {
				throw new IOException("Response without length");
			}
			return status;
		}

		boolean closed() {
			return this.closed;
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Closing a benchmark connection: nothing to do.
			}
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("Connection closed by server");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void skip(long count) throws IOException {
			long left = count;
			while (left > 0) {
				long skipped = this.in.skip(left);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new IOException("Connection closed mid-body");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

	}

	record Options(String name, URI uri, String method, List<String> headers, List<String> bodies, int connections,
			double rate, double warmupSeconds, double durationSeconds, long maxRequests, long serverPid) {

		static Options parse(String[] args) throws IOException {
			Map<String, List<String>> values = new HashMap<>();
			for (int i = 0; i + 1 < args.length; i += 2) {
				if (!args[i].startsWith("--")) {
					throw new IllegalArgumentException("Expected --option value pairs, got " + args[i]);
				}
				values.computeIfAbsent(args[i].substring(2), (key) -> new ArrayList<>()).add(args[i + 1]);
			}
			URI uri = URI.create(one(values, "url", null));
			if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
				throw new IllegalArgumentException("Load tests target loopback only, not " + uri.getHost());
			}
			List<String> bodies = new ArrayList<>();
			if (values.containsKey("bodies")) {
				Files.readAllLines(Path.of(one(values, "bodies", null)))
					.stream()
					.filter((line) -> !line.isBlank())
					.forEach(bodies::add);
			}
			else {
				bodies.add(one(values, "body", ""));
			}
			double duration = Double.parseDouble(one(values, "duration", "10"));
			if (duration <= 0 || duration > 600) {
				throw new IllegalArgumentException("--duration must be in (0, 600] seconds");
			}
			long maxRequests = Long.parseLong(one(values, "max-requests", "20000000"));
			return new Options(one(values, "name", "load"), uri, one(values, "method", "GET"),
					values.getOrDefault("header", List.of()), bodies, Integer.parseInt(one(values, "connections", "8")),
					Double.parseDouble(one(values, "rate", "0")), Double.parseDouble(one(values, "warmup", "3")),
					duration, Math.min(maxRequests, 20_000_000), Long.parseLong(one(values, "server-pid", "0")));
		}

		private static String one(Map<String, List<String>> values, String key, String fallback) {
			List<String> given = values.get(key);
			if (given == null) {
				if (fallback == null) {
					throw new IllegalArgumentException("--" + key + " is required");
				}
				return fallback;
			}
			return given.get(given.size() - 1);
		}

	}

}
