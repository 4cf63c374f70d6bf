package dev.claimsmith.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.claimsmith.membership.Membership;
import dev.claimsmith.membership.MembershipService;
import dev.claimsmith.metadata.Metadata;
import dev.claimsmith.metadata.MetadataJdbcConverters;
import dev.claimsmith.token.MintSubject.MembershipView;
import dev.claimsmith.token.MintSubject.OrganizationView;
import dev.claimsmith.token.MintSubject.UserView;
import dev.claimsmith.web.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the current user, organization and membership for a mint or a preview, so both
 * see the same data and fail the same way.
 * <p>
 * This is the mint path's one query: user ⋈ organization ⋈ membership ⋈ domains, each
 * joined on a primary key or unique index, mapped by hand, selecting only the
 * allow-listed columns (never a password hash). It reads the user, organization and
 * membership tables directly rather than through their modules' aggregates, which cost
 * four queries and reflective mapping per mint (bench/README.md);
 * {@code MintSubjectsTests} pins what it reads to what those modules store. One statement
 * sees one consistent snapshot, so it needs no transaction.
 */
@Component
class MintSubjects {

	private static final String USER_COLUMNS = """
			u.id, u.email, u.email_verified, u.first_name, u.last_name, u.profile_picture_url,
			u.external_id, u.metadata""";

	private static final String USER = "SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.id = ?";

	// Domains come one per row (none: one row with nulls), in the organization's order.
	private static final String USER_IN_ORGANIZATION = "SELECT " + USER_COLUMNS + """
			,
			o.id AS o_id, o.name AS o_name, o.external_id AS o_external_id, o.metadata AS o_metadata,
			m.id AS m_id, m.role_slug AS m_role_slug, m.status AS m_status, d.domain AS d_domain
			FROM app_user u
			LEFT JOIN organization o ON o.id = ?
			LEFT JOIN organization_membership m ON m.user_id = u.id AND m.organization_id = o.id
			LEFT JOIN organization_domain d ON d.organization_id = o.id
			WHERE u.id = ?
			ORDER BY d.position""";

	// Columns are read by position: by label, H2 upper-cases and searches every name per
	// read, a measurable share of a mint. The positions follow the SELECT lists above.
	private static final int ID = 1;

	private static final int EMAIL = 2;

	private static final int EMAIL_VERIFIED = 3;

	private static final int FIRST_NAME = 4;

	private static final int LAST_NAME = 5;

	private static final int PROFILE_PICTURE_URL = 6;

	private static final int EXTERNAL_ID = 7;

	private static final int METADATA = 8;

	private static final int O_ID = 9;

	private static final int O_NAME = 10;

	private static final int O_EXTERNAL_ID = 11;

	private static final int O_METADATA = 12;

	private static final int M_ID = 13;

	private static final int M_ROLE_SLUG = 14;

	private static final int M_STATUS = 15;

	private static final int D_DOMAIN = 16;

	private final JdbcClient jdbc;

	private final MembershipService memberships;

	MintSubjects(JdbcClient jdbc, MembershipService memberships) {
		this.jdbc = jdbc;
		this.memberships = memberships;
	}

	/**
	 * The user, and the organization and membership when an organization is given.
	 * @throws ApiException 404 for an unknown user or organization, 403
	 * {@code organization_membership_required} when the user is not an active member
	 */
	MintSubject load(String userId, String organizationId) {
		if (organizationId == null) {
			UserView user = this.jdbc.sql(USER)
				.param(userId)
				.query((row, number) -> user(row))
				.optional()
				.orElseThrow(() -> ApiException.notFound("user", userId));
			return new MintSubject(user, null, null, null);
		}
		return this.jdbc.sql(USER_IN_ORGANIZATION)
			.param(organizationId)
			.param(userId)
			.query((ResultSet rows) -> subjectIn(rows, userId, organizationId));
	}

	private MintSubject subjectIn(ResultSet rows, String userId, String organizationId) throws SQLException {
		if (!rows.next()) {
			throw ApiException.notFound("user", userId);
		}
		if (rows.getString(O_ID) == null) {
			throw ApiException.notFound("organization", organizationId);
		}
		String membershipId = rows.getString(M_ID);
		String status = rows.getString(M_STATUS);
		if (membershipId == null || !Membership.ACTIVE.equals(status)) {
			throw ApiException.forbidden("organization_membership_required",
					"User '" + userId + "' is not an active member of organization '" + organizationId + "'.");
		}
		UserView user = user(rows);
		MembershipView membership = new MembershipView(membershipId, rows.getString(M_ROLE_SLUG), status);
		String name = rows.getString(O_NAME);
		String externalId = rows.getString(O_EXTERNAL_ID);
		Metadata metadata = MetadataJdbcConverters.read(rows.getString(O_METADATA));
		List<String> domains = new ArrayList<>();
		do {
			String domain = rows.getString(D_DOMAIN);
			if (domain != null) {
				domains.add(domain);
			}
		}
		while (rows.next());
		OrganizationView organization = new OrganizationView(organizationId, name, externalId, metadata, domains);
		return new MintSubject(user, organization, membership, this.memberships.permissionsOf(membership.role()));
	}

	private static UserView user(ResultSet row) throws SQLException {
		return new UserView(row.getString(ID), row.getString(EMAIL), row.getBoolean(EMAIL_VERIFIED),
				row.getString(FIRST_NAME), row.getString(LAST_NAME), row.getString(PROFILE_PICTURE_URL),
				row.getString(EXTERNAL_ID), MetadataJdbcConverters.read(row.getString(METADATA)));
	}

}
