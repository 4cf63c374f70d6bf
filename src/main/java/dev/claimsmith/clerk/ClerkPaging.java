package dev.claimsmith.clerk;

/**
 * Clerk's {@code limit} (1–500, default 10) and {@code offset} (default 0) and the
 * direction of {@code order_by} ({@code -created_at}, the default, newest first).
 */
record ClerkPaging(int limit, int offset, boolean oldestFirst) {

	static final int MAX_LIMIT = 500;

	static ClerkPaging of(Integer limit, Integer offset, String orderBy) {
		int chosenLimit = (limit != null) ? limit : 10;
		if (chosenLimit < 1 || chosenLimit > MAX_LIMIT) {
			throw ClerkException.invalidParam("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
		}
		int chosenOffset = (offset != null) ? offset : 0;
		if (chosenOffset < 0) {
			throw ClerkException.invalidParam("offset", "offset must be 0 or more.");
		}
		boolean oldestFirst = switch ((orderBy != null) ? orderBy : "-created_at") {
			case "-created_at" -> false;
			case "created_at", "+created_at" -> true;
			default -> throw ClerkException.invalidParam("order_by",
					"order_by must be created_at, +created_at or -created_at.");
		};
		return new ClerkPaging(chosenLimit, chosenOffset, oldestFirst);
	}

}
