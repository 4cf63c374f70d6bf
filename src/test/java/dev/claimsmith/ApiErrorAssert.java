package dev.claimsmith;

import java.util.Set;
import java.util.regex.Pattern;

import dev.claimsmith.ApiClient.Response;
import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on the contract's error answer: the status, a JSON body of exactly
 * {@code {"code","message","errors"?}} and nothing a client should never see (stack
 * traces, exception class names).
 */
public final class ApiErrorAssert extends AbstractAssert<ApiErrorAssert, Response> {

	private static final Set<String> FIELDS = Set.of("code", "message", "errors");

	private static final Pattern INTERNALS = Pattern.compile(
			"(?s).*(Exception|\\bat [a-z]+\\.[\\w.$]+\\(|\"trace\"|dev\\.claimsmith\\.|org\\.springframework\\.).*");

	private ApiErrorAssert(Response response) {
		super(response, ApiErrorAssert.class);
	}

	public static ApiErrorAssert assertThatError(Response response) {
		return new ApiErrorAssert(response);
	}

	/** The status and code, in the contract's shape. */
	public ApiErrorAssert is(int status, String code) {
		hasStatus(status);
		if (!code.equals(this.actual.field("code"))) {
			failWithMessage("Expected code <%s> but was <%s> in %s", code, this.actual.field("code"),
					this.actual.text());
		}
		return this;
	}

	/**
	 * Some 4xx, in the contract's shape: for inputs whose exact status the contract
	 * leaves open.
	 */
	public ApiErrorAssert isClientError() {
		if (this.actual.status() < 400 || this.actual.status() > 499) {
			failWithMessage("Expected a 4xx but was %s: %s", this.actual.status(), this.actual.text());
		}
		return hasErrorShape();
	}

	/** {@code errors[0].field} names the offending field (or metadata key). */
	public ApiErrorAssert namesField(String field) {
		JsonNode errors = this.actual.json().get("errors");
		if (errors == null || errors.isEmpty() || !field.equals(errors.get(0).get("field").asString())) {
			failWithMessage("Expected errors[0].field <%s> in %s", field, this.actual.text());
		}
		return this;
	}

	public ApiErrorAssert messageContains(String text) {
		String message = this.actual.field("message");
		if (message == null || !message.contains(text)) {
			failWithMessage("Expected message containing <%s> but was <%s>", text, message);
		}
		return this;
	}

	private void hasStatus(int status) {
		if (this.actual.status() != status) {
			failWithMessage("Expected status %s but was %s: %s", status, this.actual.status(), this.actual.text());
		}
		hasErrorShape();
	}

	private ApiErrorAssert hasErrorShape() {
		String contentType = this.actual.header("Content-Type");
		if (contentType == null || !contentType.startsWith("application/json")) {
			failWithMessage("Expected a JSON error body but Content-Type was <%s>: %s", contentType,
					this.actual.text());
		}
		JsonNode body = this.actual.json();
		if (!body.isObject() || !body.path("code").isString() || body.path("message").asString("").isBlank()) {
			failWithMessage("Expected {code, message} but was %s", this.actual.text());
		}
		body.propertyNames().forEach((name) -> {
			if (!FIELDS.contains(name)) {
				failWithMessage("Unexpected field <%s> in error %s", name, this.actual.text());
			}
		});
		if (INTERNALS.matcher(this.actual.text()).matches()) {
			failWithMessage("Error body leaks internals: %s", this.actual.text());
		}
		return this;
	}

}
