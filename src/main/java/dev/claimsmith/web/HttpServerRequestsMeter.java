package dev.claimsmith.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The {@code http.server.requests} timer, with the names and tags of Spring's own
 * instrumentation ({@code method}, {@code uri} as the matched pattern, {@code status},
 * {@code outcome}, {@code exception}, {@code error}), recorded by
 * {@link RequestLogFilter} from the duration it measures anyway. Spring's observation
 * filter did the same for about 9 µs of CPU per request on one core (bench/README.md,
 * "The floor"), an eighth of a trivial request; this costs one map lookup. Methods
 * outside HTTP's own are tagged {@code UNKNOWN}, so a client cannot grow the registry.
 * Thread-safe.
 */
@Component
class HttpServerRequestsMeter {

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	private static final String UNKNOWN = "UNKNOWN";

	private final MeterRegistry registry;

	private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

	HttpServerRequestsMeter(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records a completed request.
	 * @param failure what escaped the filter chain, or {@code null}
	 */
	void record(HttpServletRequest request, int status, long nanos, Throwable failure) {
		String method = METHODS.contains(request.getMethod()) ? request.getMethod() : UNKNOWN;
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String uri = (pattern instanceof String matched) ? matched : UNKNOWN;
		String exception = (failure != null) ? failure.getClass().getSimpleName() : "none";
		Tags tags = new Tags(method, uri, status, exception);
		this.timers.computeIfAbsent(tags, this::register).record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer register(Tags tags) {
		return Timer.builder("http.server.requests")
			.description("Duration of HTTP server request handling")
			.tag("method", tags.method())
			.tag("uri", tags.uri())
			.tag("status", Integer.toString(tags.status()))
			.tag("outcome", Outcome.forStatus(tags.status()).name())
			.tag("exception", tags.exception())
			.tag("error", tags.exception())
			.register(this.registry);
	}

	private record Tags(String method, String uri, int status, String exception) {
	}

}
