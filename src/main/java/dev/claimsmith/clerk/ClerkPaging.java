package dev.claimsmith.clerk;

/**
 * Clerk's {@code limit} (1–500, default 10) and {@code offset} (default 0); the order is
 * {@link ClerkOrder}'s.
 */
record ClerkPaging(int limit, int offset) {

	static final int MAX_LIMIT = 500;

	static ClerkPaging of(Integer limit, Integer offset) {
		int chosenLimit = (limit != null) ? limit : 10;
		if (chosenLimit < 1 || chosenLimit > MAX_LIMIT) {
			throw ClerkException.invalidParam("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
		}
		int chosenOffset = (offset != null) ? offset : 0;
		if (chosenOffset < 0) {
			throw ClerkException.invalidParam("offset", "offset must be 0 or more.");
		}
		return new ClerkPaging(chosenLimit, chosenOffset);
	}

}
