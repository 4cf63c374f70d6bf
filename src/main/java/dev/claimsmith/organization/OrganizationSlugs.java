package dev.claimsmith.organization;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Organization slugs (API.md "Clerk Backend API compatibility"): {@code [a-z0-9-]}, at
 * most 64 characters, unique. Made from the name when a client gives none: accents
 * dropped, every other run of characters a single {@code -}.
 */
public final class OrganizationSlugs {

	/** Longest slug. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

	private OrganizationSlugs() {
	}

	/** Whether a client's slug is one. */
	public static boolean isValid(String slug) {
		return slug != null && VALID.matcher(slug).matches();
	}

	/**
	 * The slug of a name, before uniqueness: {@code "Acme, Inc."} is {@code acme-inc}.
	 */
	public static String fromName(String name) {
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		String slug = OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
		slug = trimDashes(slug);
		if (slug.length() > MAX_LENGTH) {
			slug = trimDashes(slug.substring(0, MAX_LENGTH));
		}
		return slug.isEmpty() ? "org" : slug;
	}

	/** {@code base-suffix}, {@code base} shortened so that the result stays within 64. */
	public static String withSuffix(String base, String suffix) {
		int room = MAX_LENGTH - suffix.length() - 1;
		String head = (base.length() > room) ? trimDashes(base.substring(0, room)) : base;
		return (head.isEmpty() ? "org" : head) + "-" + suffix;
	}

	private static String trimDashes(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

}
