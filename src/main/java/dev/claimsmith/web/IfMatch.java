package dev.claimsmith.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic concurrency for single objects (RFC 9110 §8.8.3, §13.1.1): every object
 * answers with a strong {@code ETag} made of its version, and a write whose
 * {@code If-Match} names no current tag is a 412 {@code precondition_failed}. Check under
 * the object's row lock, before changing it, so nothing changes on a mismatch. Immutable.
 *
 * @param tags the entity tags the request named, quotes included; empty when the request
 * has no {@code If-Match} or sends {@code *} (both match any existing object)
 */
public record IfMatch(List<String> tags) {

	/** The request header's name. */
	public static final String HEADER = "If-Match";

	private static final IfMatch ANY = new IfMatch(List.of());

	public IfMatch {
		tags = List.copyOf(tags);
	}

	/** Any version will do. */
	public static IfMatch any() {
		return ANY;
	}

	/** The {@code If-Match} header's value; null or blank means none was sent. */
	public static IfMatch of(String header) {
		if (header == null || header.isBlank()) {
			return ANY;
		}
		List<String> tags = new ArrayList<>();
		for (String tag : header.split(",")) {
			String trimmed = tag.trim();
			if (trimmed.equals("*")) {
				return ANY;
			}
			// Weak tags never match in a strong comparison; keep them so that they fail.
			tags.add(trimmed);
		}
		return new IfMatch(tags);
	}

	/** The strong entity tag of an object at {@code version}. */
	public static String etagOf(long version) {
		return "\"" + version + "\"";
	}

	/** A 200 carrying {@code body} and its {@code ETag}. */
	public static <T> ResponseEntity<T> ok(T body, long version) {
		return ResponseEntity.ok().eTag(etagOf(version)).body(body);
	}

	/** A 201 carrying {@code body} and its {@code ETag}. */
	public static <T> ResponseEntity<T> created(T body, long version) {
		return ResponseEntity.status(HttpStatus.CREATED).eTag(etagOf(version)).body(body);
	}

	public boolean matches(long version) {
		return this.tags.isEmpty() || this.tags.contains(etagOf(version));
	}

	/**
	 * Refuses a write to an object whose version the request did not name.
	 * @throws ApiException 412 {@code precondition_failed} when {@code version} is not
	 * one the request named
	 */
	public void check(long version) {
		if (!matches(version)) {
			throw new ApiException(HttpStatus.PRECONDITION_FAILED, "precondition_failed",
					"If-Match does not match the current version of the object (ETag " + etagOf(version)
							+ "); read it again and retry.",
					null);
		}
	}

}
