package dev.claimsmith.clerk;

import java.util.List;

/** Clerk's paginated list: {@code {"data":[…],"total_count":N}}. */
record ClerkList<T>(List<T> data, long totalCount) {
}
