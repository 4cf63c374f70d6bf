package dev.claimsmith.events;

import java.util.Objects;
import java.util.Set;

/**
 * A change of a user, organization, membership or invitation, published by the module
 * that made it, inside the transaction of the write, through Spring's
 * {@code ApplicationEventPublisher}. The outbox appends it to the events feed in that
 * same transaction, so the write and its event commit or roll back together; publishing
 * one outside a transaction is an error.
 *
 * @param event the WorkOS event name, one of {@link #NAMES}
 * @param organizationId the organization the change concerns, or null (users)
 * @param data the object as the management API returns it (a response record), serialized
 * as the API serializes it
 */
public record ChangeEvent(String event, String organizationId, Object data) {

	public static final String USER_CREATED = "user.created";

	public static final String USER_UPDATED = "user.updated";

	public static final String USER_DELETED = "user.deleted";

	public static final String ORGANIZATION_CREATED = "organization.created";

	public static final String ORGANIZATION_UPDATED = "organization.updated";

	public static final String ORGANIZATION_DELETED = "organization.deleted";

	public static final String MEMBERSHIP_CREATED = "organization_membership.created";

	public static final String MEMBERSHIP_UPDATED = "organization_membership.updated";

	public static final String MEMBERSHIP_DELETED = "organization_membership.deleted";

	public static final String INVITATION_CREATED = "invitation.created";

	public static final String INVITATION_ACCEPTED = "invitation.accepted";

	public static final String INVITATION_REVOKED = "invitation.revoked";

	public static final String INVITATION_RESENT = "invitation.resent";

	/** Every event name there is, as WorkOS names them. */
	public static final Set<String> NAMES = Set.of(USER_CREATED, USER_UPDATED, USER_DELETED, ORGANIZATION_CREATED,
			ORGANIZATION_UPDATED, ORGANIZATION_DELETED, MEMBERSHIP_CREATED, MEMBERSHIP_UPDATED, MEMBERSHIP_DELETED,
			INVITATION_CREATED, INVITATION_ACCEPTED, INVITATION_REVOKED, INVITATION_RESENT);

	public ChangeEvent {
		if (!NAMES.contains(event)) {
			throw new IllegalArgumentException("Unknown event '" + event + "'");
		}
		Objects.requireNonNull(data, "data");
	}

}
