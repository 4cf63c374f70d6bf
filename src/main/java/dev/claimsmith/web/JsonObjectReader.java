package dev.claimsmith.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body, collecting every violation so the client gets
 * one 422 listing all of them. Distinguishes an absent field from an explicit
 * {@code null}, which partial updates need. Not thread-safe; one per request.
 */
public final class JsonObjectReader {

	private static final Pattern EMAIL = Pattern.compile(
			"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private final JsonNode body;

	private final List<ApiError.FieldError> errors = new ArrayList<>();

	private JsonObjectReader(JsonNode body) {
		this.body = body;
	}

	/** Starts reading; a body that is missing or not a JSON object is a 422 at once. */
	public static JsonObjectReader of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalidParameter("body", "invalid_type", "The request body must be a JSON object.");
		}
		return new JsonObjectReader(body);
	}

	/** The raw node of a field, or null when absent. */
	public JsonNode node(String field) {
		return this.body.get(field);
	}

	public boolean has(String field) {
		return this.body.has(field);
	}

	public String requiredString(String field, int minLength, int maxLength) {
		JsonNode node = this.body.get(field);
		if (node == null || node.isNull()) {
			fail(field, "required", field + " is required.");
			return null;
		}
		return checkedString(field, node, minLength, maxLength);
	}

	/** Absent or null both read as empty. */
	public Optional<String> optionalString(String field, int minLength, int maxLength) {
		JsonNode node = this.body.get(field);
		if (node == null || node.isNull()) {
			return Optional.empty();
		}
		return Optional.ofNullable(checkedString(field, node, minLength, maxLength));
	}

	/** Absent, explicit null (clear) or a value, for partial updates. */
	public PatchValue<String> patchString(String field, int minLength, int maxLength) {
		JsonNode node = this.body.get(field);
		if (node == null) {
			return PatchValue.absent();
		}
		if (node.isNull()) {
			return PatchValue.of(null);
		}
		return PatchValue.of(checkedString(field, node, minLength, maxLength));
	}

	/**
	 * Like {@link #requiredString} for a name shown to people (an organization's, a
	 * user's): control characters (U+0000 to U+001F, U+007F) are refused.
	 */
	public String requiredName(String field, int minLength, int maxLength) {
		return checkedName(field, requiredString(field, minLength, maxLength));
	}

	/** Like {@link #patchString} for a name; see {@link #requiredName}. */
	public PatchValue<String> patchName(String field, int minLength, int maxLength) {
		PatchValue<String> value = patchString(field, minLength, maxLength);
		checkedName(field, value.value());
		return value;
	}

	/** Like {@link #patchString} but a value must also be printable ASCII. */
	public PatchValue<String> patchAsciiString(String field, int minLength, int maxLength) {
		PatchValue<String> value = patchString(field, minLength, maxLength);
		if (value.value() != null && !Ascii.isPrintable(value.value())) {
			fail(field, "invalid_characters", field + " must contain only printable ASCII characters.");
		}
		return value;
	}

	public Optional<String> optionalEmail(String field) {
		Optional<String> email = optionalString(field, 3, 254);
		email.ifPresent((value) -> checkEmail(field, value));
		return email;
	}

	public String requiredEmail(String field) {
		String email = requiredString(field, 3, 254);
		if (email != null) {
			checkEmail(field, email);
		}
		return email;
	}

	public Optional<Boolean> optionalBoolean(String field) {
		JsonNode node = this.body.get(field);
		if (node == null || node.isNull()) {
			return Optional.empty();
		}
		if (!node.isBoolean()) {
			fail(field, "invalid_type", field + " must be a boolean.");
			return Optional.empty();
		}
		return Optional.of(node.booleanValue());
	}

	/** Records a violation found by the caller (e.g. an unknown enum value). */
	public void fail(String field, String code, String message) {
		this.errors.add(new ApiError.FieldError(field, code, message));
	}

	/** Throws the collected violations as one 422; call after reading every field. */
	public void validate() {
		if (!this.errors.isEmpty()) {
			throw ApiException.invalidParameters(List.copyOf(this.errors));
		}
	}

	private String checkedName(String field, String name) {
		if (name != null && name.chars().anyMatch((c) -> c < 0x20 || c == 0x7F)) {
			fail(field, "invalid_characters", field + " must not contain control characters.");
		}
		return name;
	}

	private void checkEmail(String field, String email) {
		if (!EMAIL.matcher(email).matches()) {
			fail(field, "invalid_email", field + " must be a valid email address.");
		}
	}

	private String checkedString(String field, JsonNode node, int minLength, int maxLength) {
		if (!node.isString()) {
			fail(field, "invalid_type", field + " must be a string.");
			return null;
		}
		String value = node.stringValue();
		if (value.length() < minLength) {
			fail(field, "too_short", field + " must be at least " + minLength + " characters long.");
			return null;
		}
		if (value.length() > maxLength) {
			fail(field, "too_long", field + " must be at most " + maxLength + " characters long.");
			return null;
		}
		return value;
	}

}
