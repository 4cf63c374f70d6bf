package dev.claimsmith.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.organization.OrganizationId;
import dev.claimsmith.template.ClaimsContextSchema;
import dev.claimsmith.template.ClaimsContextSchema.ContextField;
import dev.claimsmith.template.ClaimsContextSchema.ContextObject;
import dev.claimsmith.user.UserId;
import dev.claimsmith.web.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the current user, organization and membership for a mint or a preview, so both
 * see the same data and fail the same way.
 * <p>
 * This is the mint path's one query: user ⋈ organization ⋈ membership ⋈ domains, each
 * joined on a primary key or unique index, mapped by hand. Its columns are the stored
 * fields of {@link ClaimsContextSchema}, nothing else (never a password hash), so a new
 * context path needs no change here. It reads the user, organization and membership
 * tables directly rather than through their modules' aggregates, which cost four queries
 * and reflective mapping per mint (bench/README.md); {@code MintSubjectsApiTest} pins
 * what it reads to what those modules store. One statement sees one consistent snapshot,
 * so it needs no transaction. The subject's claims fingerprint is computed from the
 * values as they are read ({@link ClaimsFingerprints}).
 */
@Component
class MintSubjects {

	private static final ContextObject USER = ClaimsContextSchema.get().object(MintSubject.USER);

	private static final ContextObject ORGANIZATION = ClaimsContextSchema.get().object(MintSubject.ORGANIZATION);

	private static final ContextObject MEMBERSHIP = ClaimsContextSchema.get().object(MintSubject.MEMBERSHIP);

	private static final String USER_ONLY = "SELECT " + USER.selectList("u") + " FROM " + USER.table()
			+ " u WHERE u.id = ?";

	// Domains come one per row (none: one row with nulls), in the organization's order.
	private static final String USER_IN_ORGANIZATION = "SELECT " + USER.selectList("u") + ", "
			+ ORGANIZATION.selectList("o") + ", " + MEMBERSHIP.selectList("m") + ", d.domain FROM " + USER.table()
			+ " u LEFT JOIN " + ORGANIZATION.table() + " o ON o.id = :organizationId LEFT JOIN " + MEMBERSHIP.table()
			+ " m ON m.user_id = u.id AND m.organization_id = o.id"
			+ " LEFT JOIN organization_domain d ON d.organization_id = o.id WHERE u.id = :userId ORDER BY d.position";

	// Columns are read by position: by label, H2 upper-cases and searches every name per
	// read, a measurable share of a mint. The positions follow the SELECT lists above.
	private static final int ORGANIZATION_FIRST = 1 + USER.storedFields().size();

	private static final int MEMBERSHIP_FIRST = ORGANIZATION_FIRST + ORGANIZATION.storedFields().size();

	private static final int DOMAIN = MEMBERSHIP_FIRST + MEMBERSHIP.storedFields().size();

	private static final int ORGANIZATION_ID = ORGANIZATION_FIRST + position(ORGANIZATION, "id");

	private static final int MEMBERSHIP_ID = MEMBERSHIP_FIRST + position(MEMBERSHIP, "id");

	private static final int MEMBERSHIP_STATUS = MEMBERSHIP_FIRST + position(MEMBERSHIP, "status");

	private final JdbcClient jdbc;

	private final MembershipService memberships;

	private final ClaimsFingerprints fingerprints;

	MintSubjects(JdbcClient jdbc, MembershipService memberships, ClaimsFingerprints fingerprints) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.fingerprints = fingerprints;
	}

	/**
	 * The user, and the organization and membership when an organization is given.
	 * @throws ApiException 404 for an unknown user or organization, 403
	 * {@code organization_membership_required} when the user is not an active member
	 */
	MintSubject load(UserId userId, OrganizationId organizationId) {
		if (organizationId == null) {
			MintSubject user = this.jdbc.sql(USER_ONLY)
				.param(userId.value())
				.query((row, number) -> userOnly(row))
				.optional()
				.orElseThrow(() -> ApiException.notFound("user", userId.value()));
			return user;
		}
		// Bound by name: the organization's parameter comes first in the statement.
		return this.jdbc.sql(USER_IN_ORGANIZATION)
			.param("organizationId", organizationId.value())
			.param("userId", userId.value())
			.query((ResultSet rows) -> subjectIn(rows, userId, organizationId));
	}

	private MintSubject userOnly(ResultSet row) throws SQLException {
		ClaimsFingerprints.Builder fingerprint = this.fingerprints.builder();
		Map<String, Object> user = read(row, USER, 1, fingerprint);
		return MintSubject.of(user, null, null, List.of(), fingerprint.build());
	}

	private MintSubject subjectIn(ResultSet rows, UserId userId, OrganizationId organizationId) throws SQLException {
		if (!rows.next()) {
			throw ApiException.notFound("user", userId.value());
		}
		if (rows.getString(ORGANIZATION_ID) == null) {
			throw ApiException.notFound("organization", organizationId.value());
		}
		if (rows.getString(MEMBERSHIP_ID) == null || !Membership.ACTIVE.equals(rows.getString(MEMBERSHIP_STATUS))) {
			throw ApiException.forbidden("organization_membership_required",
					"User '" + userId + "' is not an active member of organization '" + organizationId + "'.");
		}
		ClaimsFingerprints.Builder fingerprint = this.fingerprints.builder();
		Map<String, Object> user = read(rows, USER, 1, fingerprint);
		Map<String, Object> organization = read(rows, ORGANIZATION, ORGANIZATION_FIRST, fingerprint);
		Map<String, Object> membership = read(rows, MEMBERSHIP, MEMBERSHIP_FIRST, fingerprint);
		List<Map<String, String>> domains = new ArrayList<>();
		do {
			String domain = rows.getString(DOMAIN);
			if (domain != null) {
				domains.add(Map.of("domain", domain));
				fingerprint.add(domain);
			}
		}
		while (rows.next());
		fingerprint.end();
		organization.put("domains", domains);
		String role = (String) membership.get("role");
		List<String> permissions = this.memberships.permissionsOf(role);
		permissions.forEach(fingerprint::add);
		fingerprint.end();
		membership.put("roles", List.of(role));
		membership.put("permissions", permissions);
		return MintSubject.of(user, organization, membership, permissions, fingerprint.build());
	}

	/**
	 * One object's stored fields, from {@code first} on, in schema order, fed to the
	 * fingerprint as read.
	 */
	private static Map<String, Object> read(ResultSet row, ContextObject object, int first,
			ClaimsFingerprints.Builder fingerprint) throws SQLException {
		List<ContextField> fields = object.storedFields();
		Object[] values = new Object[fields.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = (fields.get(i).type() == ClaimsContextSchema.Type.BOOLEAN) ? row.getBoolean(first + i)
					: row.getString(first + i);
			fingerprint.add(values[i]);
		}
		fingerprint.end();
		return object.view(values);
	}

	private static int position(ContextObject object, String field) {
		List<ContextField> fields = object.storedFields();
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).name().equals(field)) {
				return i;
			}
		}
		throw new IllegalStateException(object.name() + "." + field + " is not stored");
	}

}
