package dev.claimsmith.clerk;

import java.util.ArrayList;
import java.util.List;

import dev.claimsmith.store.IdFilter;

/**
 * Clerk's array query parameters, which the SDK sends as one parameter per value
 * ({@code user_id=a&user_id=b}): at most {@value #MAX_VALUES} values, as Clerk documents,
 * each not blank and no longer than the wire takes such a value elsewhere (ids
 * {@value #MAX_ID_LENGTH} characters, emails {@value #MAX_EMAIL_LENGTH}); anything else
 * is a 422 naming the parameter. Values that match nothing are no error ("any not found
 * are ignored").
 */
final class ClerkFilters {

	static final int MAX_VALUES = 100;

	static final int MAX_ID_LENGTH = 64;

	static final int MAX_EMAIL_LENGTH = 320;

	private ClerkFilters() {
	}

	/** The values, checked; none for an absent parameter. */
	static List<String> values(String param, List<String> values, int maxLength) {
		List<String> checked = counted(param, values);
		for (String value : checked) {
			if (value.isBlank() || value.length() > maxLength) {
				throw ClerkException.invalidParam(param,
						param + " values must be 1 to " + maxLength + " characters and not blank.");
			}
		}
		return checked;
	}

	/**
	 * Whether any value was sent for a field Claimsmith keeps no data for (phone numbers,
	 * usernames, Web3 wallets: every user's is empty), so that the list matches no one
	 * rather than ignoring the filter and answering everyone.
	 */
	static boolean filtersOnUnkeptField(String param, List<String> values) {
		return !values(param, values, MAX_EMAIL_LENGTH).isEmpty();
	}

	static List<String> emails(String param, List<String> values) {
		return values(param, values, MAX_EMAIL_LENGTH);
	}

	/**
	 * Ids to keep and to leave out: Clerk lets each id have {@code +} (keep, as without a
	 * sign) or {@code -} (leave out) in front. An unencoded {@code +} arrives as a space,
	 * and is read as {@code +}.
	 */
	static IdFilter ids(String param, List<String> values) {
		List<String> included = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		for (String value : counted(param, values)) {
			String signed = value.startsWith(" ") ? "+" + value.strip() : value;
			String id = (signed.startsWith("+") || signed.startsWith("-")) ? signed.substring(1) : signed;
			if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
				throw ClerkException.invalidParam(param, param + " values must be ids of 1 to " + MAX_ID_LENGTH
						+ " characters, optionally with + or - in front.");
			}
			if (signed.startsWith("-")) {
				excluded.add(id);
			}
			else {
				included.add(id);
			}
		}
		return new IdFilter(included, excluded);
	}

	/**
	 * The Claimsmith role slugs of Clerk role keys; a key that is not {@code org:<slug>}
	 * is a 422, as everywhere on this wire, while a well-formed key of no defined role
	 * just matches no membership (Clerk: "any roles not found are ignored").
	 */
	static List<String> roleSlugs(String param, List<String> keys) {
		return values(param, keys, MAX_ID_LENGTH).stream().map(ClerkRoles::fromClerk).toList();
	}

	private static List<String> counted(String param, List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_VALUES) {
			throw ClerkException.invalidParam(param, param + " takes at most " + MAX_VALUES + " values.");
		}
		return List.copyOf(values);
	}

}
