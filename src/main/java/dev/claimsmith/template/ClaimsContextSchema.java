package dev.claimsmith.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one declaration of what a template may read: the objects of the claims context,
 * their fields, each field's type and where it is stored. The path allow-list, the mint
 * query's columns ({@code token/MintSubjects}), the preview's inline-context validation,
 * the playground's hints and the context table of {@code docs/templates.md} all follow
 * from it, so a new context path is one line here. Immutable.
 */
public final class ClaimsContextSchema {

	/** Deepest path a template may write, counting the object and the field. */
	static final int MAX_PATH_SEGMENTS = 12;

	private static final ClaimsContextSchema SCHEMA = new ClaimsContextSchema(List.of(
			new ContextObject("user", "app_user",
					List.of(stored("id", Type.STRING, "id", "the user's id (`user_…`)"),
							stored("email", Type.STRING, "email", "email address"),
							stored("email_verified", Type.BOOLEAN, "email_verified", "whether the email is verified"),
							stored("first_name", Type.STRING, "first_name", "first name, or null"),
							stored("last_name", Type.STRING, "last_name", "last name, or null"),
							stored("profile_picture_url", Type.STRING, "profile_picture_url",
									"profile picture URL, or null"),
							stored("external_id", Type.STRING, "external_id", "your id for the user, or null"),
							json("metadata", Visibility.PRIVATE, "WorkOS metadata: string values"),
							json("public_metadata", Visibility.PUBLIC, "any JSON, readable by the user (`/me`)"),
							json("unsafe_metadata", Visibility.USER_WRITABLE,
									"any JSON **the user can write** (`PATCH /me`): never for authorization"))),
			new ContextObject("organization", "organization",
					List.of(stored("id", Type.STRING, "id", "the organization's id (`org_…`)"),
							stored("name", Type.STRING, "name", "name"),
							stored("slug", Type.STRING, "slug", "unique slug (`[a-z0-9-]`), Clerk's `org.slug`"),
							stored("external_id", Type.STRING, "external_id", "your id for the organization, or null"),
							json("metadata", Visibility.PRIVATE, "WorkOS metadata: string values"),
							json("public_metadata", Visibility.PUBLIC, "any JSON, readable by its members (`/me`)"),
							derived("domains", Type.DOMAINS, "`organization_domain.domain`, by `position`",
									"its domains in order, each `{\"domain\"}`: `organization.domains.0.domain`"))),
			new ContextObject("organization_membership", "organization_membership",
					List.of(stored("id", Type.STRING, "id", "the membership's id (`om_…`)"),
							stored("role", Type.STRING, "role_slug", "the role's slug"),
							derived("roles", Type.STRING_LIST, "`organization_membership.role_slug`",
									"the role slugs, as a list: `.0`"),
							derived("permissions", Type.STRING_LIST, "the role in `claimsmith.roles` (configuration)",
									"the role's permissions: `.0`"),
							stored("status", Type.STRING, "status", "`active` (only active members get tokens)"),
							stored("external_id", Type.STRING, "external_id",
									"your id for the user within the organization, or null"),
							json("metadata", Visibility.PRIVATE, "WorkOS metadata: string values"),
							json("public_metadata", Visibility.PUBLIC, "any JSON, readable by the member (`/me`)"),
							json("custom_attributes", Visibility.PRIVATE,
									"any JSON: WorkOS's per-organization user attributes")))));

	private final List<ContextObject> objects;

	private final Map<String, ContextObject> byName;

	private ClaimsContextSchema(List<ContextObject> objects) {
		this.objects = List.copyOf(objects);
		Map<String, ContextObject> byName = new LinkedHashMap<>();
		objects.forEach((object) -> byName.put(object.name(), object));
		this.byName = Collections.unmodifiableMap(byName);
	}

	/** The schema of the claims context. */
	public static ClaimsContextSchema get() {
		return SCHEMA;
	}

	/**
	 * {@code user}, {@code organization}, {@code organization_membership}, in that order.
	 */
	public List<ContextObject> objects() {
		return this.objects;
	}

	public ContextObject object(String name) {
		ContextObject object = this.byName.get(name);
		if (object == null) {
			throw new IllegalArgumentException("No context object " + name);
		}
		return object;
	}

	Optional<ContextObject> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** Whether a template may read this path (segments split at the dots). */
	boolean isAllowed(List<String> segments) {
		if (segments.size() < 2 || segments.size() > MAX_PATH_SEGMENTS) {
			return false;
		}
		return find(segments.get(0)).flatMap((object) -> object.field(segments.get(1)))
			.map((field) -> field.type().allows(segments.subList(2, segments.size())))
			.orElse(false);
	}

	/** The field a path starts with, if the path names one. */
	Optional<ContextField> fieldOf(List<String> segments) {
		if (segments.size() < 2) {
			return Optional.empty();
		}
		return find(segments.get(0)).flatMap((object) -> object.field(segments.get(1)));
	}

	/**
	 * Checks an inline context (a preview's {@code context}) against the schema and keeps
	 * only what a template may read: unknown fields inside an object are dropped (a
	 * WorkOS context example, with its {@code object} and timestamps, previews as is), an
	 * unknown object or a value of the wrong type is a problem.
	 * @param context the inline context as plain values
	 * @param problems receives {@code context.user.email} style field names with their
	 * message
	 * @return the context with only schema fields
	 */
	public Map<String, Object> inline(Map<String, Object> context, Map<String, String> problems) {
		Map<String, Object> kept = new LinkedHashMap<>();
		context.forEach((name, value) -> {
			String field = "context." + name;
			Optional<ContextObject> object = find(name);
			if (object.isEmpty()) {
				problems.put(field,
						"Unknown context object '" + name + "' (use " + String.join(", ", this.byName.keySet()) + ").");
			}
			else if (value == null) {
				kept.put(name, null);
			}
			else if (value instanceof Map<?, ?> map) {
				kept.put(name, object.get().inline(map, field, problems));
			}
			else {
				problems.put(field, name + " must be an object.");
			}
		});
		return kept;
	}

	/**
	 * The context table of {@code docs/templates.md}, one row per field (a test keeps the
	 * document equal to it).
	 */
	public String markdownTable() {
		StringBuilder table = new StringBuilder(
				"| Path | Type | Stored in | Visibility | Value |\n|---|---|---|---|---|\n");
		for (ContextObject object : this.objects) {
			for (ContextField field : object.fields()) {
				table.append("| `")
					.append(object.name())
					.append('.')
					.append(field.name())
					.append(field.type().pathSuffix())
					.append("` | ")
					.append(field.type().description())
					.append(" | ")
					.append(field.source(object.table()))
					.append(" | ")
					.append(field.visibility().description())
					.append(" | ")
					.append(field.description())
					.append(" |\n");
			}
		}
		return table.toString();
	}

	/**
	 * The schema as plain values ({@code {"objects":[{"name","fields":[{"name","type",
	 * "visibility","description","path"}]}]}}), for the playground's hints.
	 */
	public Map<String, Object> describe() {
		List<Object> objects = new ArrayList<>();
		for (ContextObject object : this.objects) {
			List<Object> fields = new ArrayList<>();
			for (ContextField field : object.fields()) {
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("name", field.name());
				described.put("path", object.name() + "." + field.name());
				described.put("type", field.type().jsonName());
				described.put("visibility", field.visibility().jsonName());
				described.put("visibility_note", field.visibility().description());
				described.put("description", field.description());
				fields.add(described);
			}
			objects.add(Map.of("name", object.name(), "fields", fields));
		}
		return Map.of("objects", objects);
	}

	private static ContextField stored(String name, Type type, String column, String description) {
		return new ContextField(name, type, column, null, Visibility.TOKEN_FIELD, description);
	}

	private static ContextField json(String name, Visibility visibility, String description) {
		return new ContextField(name, Type.JSON_OBJECT, name, null, visibility, description);
	}

	private static ContextField derived(String name, Type type, String derivedFrom, String description) {
		return new ContextField(name, type, null, derivedFrom, Visibility.TOKEN_FIELD, description);
	}

	static boolean isIndex(String segment) {
		return !segment.isEmpty() && segment.length() <= 4 && segment.chars().allMatch(Character::isDigit);
	}

	/** One object of the context and the table its stored fields are columns of. */
	public static final class ContextObject {

		private final String name;

		private final String table;

		private final List<ContextField> fields;

		private final List<ContextField> storedFields;

		ContextObject(String name, String table, List<ContextField> fields) {
			this.name = name;
			this.table = table;
			this.fields = List.copyOf(fields);
			this.storedFields = this.fields.stream().filter(ContextField::isStored).toList();
		}

		/** The path's first segment. */
		public String name() {
			return this.name;
		}

		public String table() {
			return this.table;
		}

		/** In context order. */
		public List<ContextField> fields() {
			return this.fields;
		}

		public Optional<ContextField> field(String name) {
			return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
		}

		Map<String, Object> inline(Map<?, ?> values, String prefix, Map<String, String> problems) {
			Map<String, Object> kept = new LinkedHashMap<>();
			for (ContextField field : this.fields) {
				if (values.containsKey(field.name())) {
					Object value = values.get(field.name());
					String problem = field.type().problem(value);
					if (problem != null) {
						problems.put(prefix + "." + field.name(),
								this.name + "." + field.name() + " must be " + problem + ".");
					}
					kept.put(field.name(), value);
				}
			}
			return kept;
		}

		/** The fields stored in a column of {@link #table()}, in context order. */
		public List<ContextField> storedFields() {
			return this.storedFields;
		}

		/**
		 * {@code alias.column, …} for {@link #storedFields()}, in that order: a query
		 * reads them back by position.
		 */
		public String selectList(String alias) {
			return String.join(", ", storedFields().stream().map((field) -> alias + "." + field.column()).toList());
		}

		/**
		 * The object's context map from the values of {@link #storedFields()}, in that
		 * order, as read from their columns (a JSON class as its JSON text). Derived
		 * fields are for the caller to add.
		 */
		public Map<String, Object> view(Object[] storedValues) {
			List<ContextField> stored = this.storedFields;
			if (storedValues.length != stored.size()) {
				throw new IllegalArgumentException(
						this.name + " has " + stored.size() + " stored fields, not " + storedValues.length);
			}
			Map<String, Object> view = new LinkedHashMap<>();
			for (int i = 0; i < storedValues.length; i++) {
				ContextField field = stored.get(i);
				Object value = storedValues[i];
				view.put(field.name(), (field.type() == Type.JSON_OBJECT) ? JsonClasses.read((String) value) : value);
			}
			return view;
		}

	}

	/**
	 * One field of a context object.
	 *
	 * @param column the column of the object's table it is stored in, or null for a field
	 * derived from other data (the membership's roles and permissions, the organization's
	 * domains)
	 * @param derivedFrom for a derived field, where its value comes from (Markdown); else
	 * null
	 */
	public record ContextField(String name, Type type, String column, String derivedFrom, Visibility visibility,
			String description) {

		public boolean isStored() {
			return this.column != null;
		}

		/**
		 * Where the value comes from, in Markdown: {@code `app_user.email`}, or what a
		 * derived field is derived from.
		 */
		String source(String table) {
			if (!isStored()) {
				return this.derivedFrom;
			}
			return "`" + table + "." + this.column + "`" + ((this.type == Type.JSON_OBJECT) ? " (JSON text)" : "");
		}

	}

	/** What a field holds, and which paths below it a template may write. */
	public enum Type {

		/** A string or null. */
		STRING("string or null", "string"),
		/** true or false. */
		BOOLEAN("boolean", "boolean"),
		/** A list of strings; {@code .<n>} reads one. */
		STRING_LIST("list of strings; `.<n>` a string", "string_list"),
		/** A list of {@code {"domain": string}}; {@code .<n>.domain} reads one. */
		DOMAINS("list of `{\"domain\"}`; `.<n>.domain` a string", "domains"),
		/**
		 * A JSON object stored as compact JSON text: any nested path and array index
		 * below it, and its values keep their JSON type.
		 */
		JSON_OBJECT("JSON object; below it any JSON value (`.<n>` indexes an array)", "json_object");

		private final String description;

		private final String jsonName;

		Type(String description, String jsonName) {
			this.description = description;
			this.jsonName = jsonName;
		}

		String description() {
			return this.description;
		}

		String jsonName() {
			return this.jsonName;
		}

		String pathSuffix() {
			return switch (this) {
				case STRING_LIST -> "`, `.<n>";
				case DOMAINS -> "`, `.<n>.domain";
				case JSON_OBJECT -> "`, `.<key>…";
				default -> "";
			};
		}

		/** What a value of this type must be, if {@code value} is not one; else null. */
		String problem(Object value) {
			if (value == null) {
				return null;
			}
			return switch (this) {
				case STRING -> (value instanceof String) ? null : "a string or null";
				case BOOLEAN -> (value instanceof Boolean) ? null : "true or false";
				case STRING_LIST -> (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))
						? null : "a list of strings";
				case DOMAINS -> (value instanceof List<?> list && list.stream()
					.allMatch((item) -> item instanceof Map<?, ?> domain && domain.get("domain") instanceof String))
							? null : "a list of {\"domain\": string}";
				case JSON_OBJECT -> (value instanceof Map) ? null : "a JSON object";
			};
		}

		/** Whether {@code rest}, the segments after the field, may follow it. */
		boolean allows(List<String> rest) {
			return switch (this) {
				case STRING, BOOLEAN -> rest.isEmpty();
				case STRING_LIST -> rest.isEmpty() || (rest.size() == 1 && isIndex(rest.get(0)));
				case DOMAINS -> rest.isEmpty() || (isIndex(rest.get(0))
						&& (rest.size() == 1 || (rest.size() == 2 && rest.get(1).equals("domain"))));
				case JSON_OBJECT -> true;
			};
		}

	}

	/**
	 * Who can see a field's value outside the management API (API.md "Metadata classes").
	 */
	public enum Visibility {

		/** A core attribute of the object. */
		TOKEN_FIELD("core attribute", "core"),
		/** {@code metadata}, {@code custom_attributes}: only what a template copies. */
		PRIVATE("private: only what a template copies", "private"),
		/** {@code public_metadata}: also the signed-in user. */
		PUBLIC("public: also the signed-in user", "public"),
		/** {@code unsafe_metadata}: written by the signed-in user. */
		USER_WRITABLE("**written by the user**", "user_writable");

		private final String description;

		private final String jsonName;

		Visibility(String description, String jsonName) {
			this.description = description;
			this.jsonName = jsonName;
		}

		String description() {
			return this.description;
		}

		String jsonName() {
			return this.jsonName;
		}

	}

}
