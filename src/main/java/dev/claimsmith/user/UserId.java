package dev.claimsmith.user;

/**
 * A user's id, typed so that it cannot be passed where an organization's is expected. Any
 * text is an id (a preview's inline context may hold any): whether such a user exists is
 * the lookup's answer, not this type's.
 *
 * @param value the id as stored and as the API shows it; never null
 */
public record UserId(String value) {

	public UserId {
		if (value == null) {
			throw new IllegalArgumentException("value is required");
		}
	}

	/** The id of {@code value}, or null for null: for ids the API takes optionally. */
	public static UserId ofNullable(String value) {
		return (value != null) ? new UserId(value) : null;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
