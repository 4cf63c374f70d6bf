package dev.claimsmith.user;

import java.util.List;
import java.util.Objects;

/**
 * Which users {@link UserService#search} answers: those that match every term.
 *
 * @param email what the email must match, case-insensitively; null for any
 * @param publicMetadata top-level keys of {@code public_metadata} and what their values
 * must match, case-sensitively; all of them (a key may be named more than once)
 */
public record UserMatch(Term email, List<MetadataTerm> publicMetadata) {

	public UserMatch {
		publicMetadata = List.copyOf(publicMetadata);
	}

	/** Every user. */
	public static UserMatch all() {
		return new UserMatch(null, List.of());
	}

	/**
	 * A text a value must equal or, when {@code prefix}, start with. An exact term also
	 * matches a JSON number of the same value ({@code 1} for {@code 1.0}) and a JSON
	 * boolean whose text it is; a prefix term matches strings only.
	 */
	public record Term(String text, boolean prefix) {

		public Term {
			Objects.requireNonNull(text, "text");
		}

		public static Term exactly(String text) {
			return new Term(text, false);
		}

		public static Term startingWith(String prefix) {
			return new Term(prefix, true);
		}

	}

	/**
	 * A top-level key of {@code public_metadata} whose value, or one element of whose
	 * array value, must match {@code term}.
	 */
	public record MetadataTerm(String key, Term term) {

		public MetadataTerm {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(term, "term");
		}

	}

}
