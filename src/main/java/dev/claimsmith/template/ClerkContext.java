package dev.claimsmith.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clerk's shortcode names ({@code user.*}, {@code org.*}, {@code org_membership.*},
 * {@code session.*}) mapped onto the one Claimsmith claims context that
 * {@link ClaimsContextSchema} declares. A name is either a path of that context (checked
 * against its allow-list, so a field the schema lacks is refused rather than guessed), a
 * value computed from it, or a Clerk field Claimsmith has no data for, which renders as
 * the constant Clerk gives a user without it. Where Clerk renders an unknown shortcode as
 * {@code null}, this refuses it with its name.
 */
final class ClerkContext {

	/** Clerk names of whole metadata classes, which may be followed by keys. */
	private static final Map<String, String> CLASSES = ordered("user.public_metadata", "user.public_metadata",
			"user.unsafe_metadata", "user.unsafe_metadata", "user.private_metadata", "user.metadata",
			"org.public_metadata", "organization.public_metadata", "org.private_metadata", "organization.metadata",
			"org_membership.public_metadata", "organization_membership.public_metadata",
			"org_membership.private_metadata", "organization_membership.metadata");

	/** Clerk names that are one field of the Claimsmith context. */
	private static final Map<String, String> FIELDS = ordered("user.id", "user.id", "user.external_id",
			"user.external_id", "user.first_name", "user.first_name", "user.last_name", "user.last_name",
			"user.primary_email_address", "user.email", "user.email_verified", "user.email_verified", "user.image_url",
			"user.profile_picture_url", "user.profile_image_url", "user.profile_picture_url", "org.id",
			"organization.id", "org.name", "organization.name", "org.slug", "organization.slug", "org.permissions",
			"organization_membership.permissions", "org_membership.permissions", "organization_membership.permissions");

	/** Clerk names computed from the context. */
	private static final Map<String, ClerkExpression.ClerkDerived> DERIVED = derived();

	/**
	 * Clerk fields Claimsmith keeps no data for, with the value Clerk gives a user who
	 * has none: a template copied from Clerk still loads, and preview warns.
	 */
	private static final Map<String, Object> ABSENT = absent();

	private ClerkContext() {
	}

	/**
	 * The operand for a Clerk name ({@code user.public_metadata.plan}).
	 * @throws RenderFailure naming the shortcode when Claimsmith does not know it
	 */
	static ClerkExpression.Operand operand(String name) {
		List<String> segments = Arrays.asList(name.split("\\.", -1));
		if (segments.size() > ClaimsContextSchema.MAX_PATH_SEGMENTS || segments.stream().anyMatch(String::isEmpty)) {
			throw new RenderFailure("Invalid shortcode \"" + name + "\"");
		}
		if (DERIVED.containsKey(name)) {
			return new ClerkExpression.Derived(name, DERIVED.get(name));
		}
		if (ABSENT.containsKey(name)) {
			Object value = ABSENT.get(name);
			return new ClerkExpression.Derived(name, (context) -> value);
		}
		String target = FIELDS.get(name);
		if (target == null && segments.size() >= 2) {
			String mapped = CLASSES.get(segments.get(0) + "." + segments.get(1));
			if (mapped != null) {
				List<String> rest = segments.subList(2, segments.size());
				target = rest.isEmpty() ? mapped : mapped + "." + String.join(".", rest);
			}
		}
		if (target == null) {
			throw new RenderFailure(unknown(name, segments.get(0)));
		}
		List<String> path = List.of(target.split("\\."));
		if (!ContextPaths.isAllowed(path)) {
			throw new RenderFailure("Shortcode \"" + name + "\" is not available: the Claimsmith context has no "
					+ String.join(".", path.subList(0, 2)));
		}
		return new ClerkExpression.ContextPath(name, new Expression.Path(target, path));
	}

	/**
	 * What an author should know about a name that loads: a Clerk field Claimsmith has no
	 * data for.
	 */
	static Optional<String> warning(String name) {
		if (!ABSENT.containsKey(name)) {
			return Optional.empty();
		}
		return Optional.of("Shortcode \"" + name + "\" is always " + ABSENT.get(name)
				+ ": Claimsmith keeps no such data (Clerk gives a user without it the same value)");
	}

	/** Every Clerk name this maps, for the documentation. */
	static List<String> names() {
		List<String> names = new ArrayList<>(FIELDS.keySet());
		CLASSES.keySet().forEach((name) -> names.add(name + ".<key>…"));
		names.addAll(DERIVED.keySet());
		names.addAll(ABSENT.keySet());
		return names;
	}

	private static String unknown(String name, String first) {
		String hint = switch (first) {
			case "organization" -> " (Clerk names the organization org: org.*)";
			case "organization_membership", "membership" -> " (Clerk names the membership org_membership.*)";
			case "user", "org", "org_membership", "session" -> "";
			default -> " (Clerk's shortcodes start with user., org., org_membership. or session.)";
		};
		return "Unknown shortcode \"" + name + "\"" + hint;
	}

	private static Map<String, ClerkExpression.ClerkDerived> derived() {
		Map<String, ClerkExpression.ClerkDerived> derived = new LinkedHashMap<>();
		derived.put("user.full_name", (context) -> {
			Map<String, Object> user = object(context, "user");
			String full = (text(user, "first_name") + " " + text(user, "last_name")).strip();
			return full.isEmpty() ? null : full;
		});
		derived.put("user.has_image", (context) -> object(context, "user").get("profile_picture_url") != null);
		ClerkExpression.ClerkDerived roleKey = (context) -> {
			Object role = object(context, "organization_membership").get("role");
			return (role != null) ? "org:" + role : null;
		};
		derived.put("org.role", roleKey);
		derived.put("org_membership.role", roleKey);
		derived.put("session.id", (context) -> object(context, "session").get("id"));
		return derived;
	}

	private static Map<String, Object> absent() {
		Map<String, Object> absent = new LinkedHashMap<>();
		for (String name : List.of("user.username", "user.primary_phone_address", "user.primary_phone_number",
				"user.primary_web3_wallet", "user.created_at", "user.updated_at", "user.last_sign_in_at",
				"org.image_url", "session.actor")) {
			absent.put(name, null);
		}
		for (String name : List.of("user.phone_number_verified", "user.two_factor_enabled", "org.has_image")) {
			absent.put(name, false);
		}
		return absent;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> context, String name) {
		return (context.get(name) instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static String text(Map<String, Object> object, String field) {
		return (object.get(field) instanceof String value) ? value : "";
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
