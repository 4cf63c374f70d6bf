package dev.claimsmith.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract's list parameters: {@code limit} 1..100 (default 10), {@code before} and
 * {@code after} cursors (object ids) and {@code order} ({@code desc} by default;
 * {@code normal} is WorkOS's name for ascending).
 */
public record ListRequest(int limit, String before, String after, boolean ascending) {

	public static final int DEFAULT_LIMIT = 10;

	public static final int MAX_LIMIT = 100;

	private static final int MAX_CURSOR_LENGTH = 64;

	/** Validates raw query parameters; any violation is a 422 naming the parameter. */
	public static ListRequest of(String limit, String before, String after, String order) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		int parsedLimit = DEFAULT_LIMIT;
		if (limit != null) {
			try {
				parsedLimit = Integer.parseInt(limit.trim());
			}
			catch (NumberFormatException ex) {
				parsedLimit = -1;
			}
			if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
				errors.add(new ApiError.FieldError("limit", "invalid_limit",
						"limit must be a whole number from 1 to " + MAX_LIMIT + "."));
			}
		}
		boolean ascending = false;
		if (order != null) {
			switch (order) {
				case "asc", "normal" -> ascending = true;
				case "desc" -> ascending = false;
				default -> errors
					.add(new ApiError.FieldError("order", "invalid_order", "order must be one of desc, asc, normal."));
			}
		}
		checkCursor("before", before, errors);
		checkCursor("after", after, errors);
		if (before != null && after != null && !before.isEmpty() && !after.isEmpty()) {
			errors.add(new ApiError.FieldError("before", "invalid_cursor", "before and after cannot both be given."));
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalidParameters(errors);
		}
		return new ListRequest(parsedLimit, emptyToNull(before), emptyToNull(after), ascending);
	}

	public static ListRequest first(int limit) {
		return new ListRequest(limit, null, null, false);
	}

	private static void checkCursor(String name, String value, List<ApiError.FieldError> errors) {
		if (value != null && (value.length() > MAX_CURSOR_LENGTH || !Ascii.isPrintable(value))) {
			errors.add(new ApiError.FieldError(name, "invalid_cursor", name + " must be an object id."));
		}
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
