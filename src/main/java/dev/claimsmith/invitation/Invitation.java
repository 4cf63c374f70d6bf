package dev.claimsmith.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.store.Ids;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An invitation of an email, maybe into an organization. Stored states are
 * {@code pending}, {@code accepted}, {@code revoked} and {@code expired} (an expired one
 * replaced by a new invitation); a pending one past {@code expires_at} reads as expired.
 * Only the token's hash is kept. Not thread-safe: load, change and save within one
 * transaction.
 */
@Table("invitation")
class Invitation {

	static final String PENDING = "pending";

	static final String ACCEPTED = "accepted";

	static final String REVOKED = "revoked";

	static final String EXPIRED = "expired";

	@Id
	private final String id;

	private final String email;

	private final String emailKey;

	private final String organizationId;

	private String membershipId;

	private final String membershipPriorStatus;

	private final String roleSlug;

	private String state;

	/**
	 * Set while open, so its unique index allows one open invitation per email and org.
	 */
	private String openKey;

	private String tokenHash;

	private final int lifetimeDays;

	private Instant expiresAt;

	private Instant acceptedAt;

	private Instant revokedAt;

	private final String inviterUserId;

	private String acceptedUserId;

	private JsonMetadata metadata;

	private JsonMetadata publicMetadata;

	@Version
	private Long version;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Invitation(String id, String email, String emailKey, String organizationId, String membershipId,
			String membershipPriorStatus, String roleSlug, String state, String openKey, String tokenHash,
			int lifetimeDays, Instant expiresAt, Instant acceptedAt, Instant revokedAt, String inviterUserId,
			String acceptedUserId, JsonMetadata metadata, JsonMetadata publicMetadata, Long version, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.email = email;
		this.emailKey = emailKey;
		this.organizationId = organizationId;
		this.membershipId = membershipId;
		this.membershipPriorStatus = membershipPriorStatus;
		this.roleSlug = roleSlug;
		this.state = state;
		this.openKey = openKey;
		this.tokenHash = tokenHash;
		this.lifetimeDays = lifetimeDays;
		this.expiresAt = expiresAt;
		this.acceptedAt = acceptedAt;
		this.revokedAt = revokedAt;
		this.inviterUserId = inviterUserId;
		this.acceptedUserId = acceptedUserId;
		this.metadata = metadata;
		this.publicMetadata = publicMetadata;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * A new open invitation.
	 * @param membershipId the pending membership it holds, null without organization
	 * @param membershipPriorStatus that membership's status before, null when new
	 */
	static Invitation open(InvitationRequest request, String membershipId, String membershipPriorStatus,
			String tokenHash, Instant now) {
		String emailKey = emailKey(request.email());
		return new Invitation(Ids.next("invitation"), request.email(), emailKey, request.organizationId(), membershipId,
				membershipPriorStatus, request.roleSlug(), PENDING, openKey(request.organizationId(), request.email()),
				tokenHash, request.expiresInDays(), now.plus(Duration.ofDays(request.expiresInDays())), null, null,
				request.inviterUserId(), null, request.metadata(), request.publicMetadata(), null, now, now);
	}

	static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	/** The value of the open-invitation index for this email and organization. */
	static String openKey(String organizationId, String email) {
		return ((organizationId != null) ? organizationId : "-") + ":" + emailKey(email);
	}

	/**
	 * The state as the contract shows it: a pending invitation past its expiry is
	 * expired.
	 */
	String state(Instant now) {
		return (PENDING.equals(this.state) && !now.isBefore(this.expiresAt)) ? EXPIRED : this.state;
	}

	boolean isAcceptable(Instant now) {
		return PENDING.equals(state(now));
	}

	/** Whether revoke and resend may still act on it: pending, expired or not. */
	boolean isPending() {
		return PENDING.equals(this.state);
	}

	/**
	 * Accepted by {@code userId}: closed, and its metadata moved to the membership, so
	 * only the membership has the values from now on.
	 */
	void accept(String userId, String activeMembershipId, Instant now) {
		this.state = ACCEPTED;
		this.acceptedAt = now;
		this.acceptedUserId = userId;
		this.membershipId = activeMembershipId;
		this.metadata = JsonMetadata.empty();
		this.publicMetadata = JsonMetadata.empty();
		close(now);
	}

	void revoke(Instant now) {
		this.state = REVOKED;
		this.revokedAt = now;
		close(now);
	}

	/** Expired and replaced by a new invitation for the same email and organization. */
	void supersede(Instant now) {
		this.state = EXPIRED;
		close(now);
	}

	/** A new token and a new expiry, as many days ahead as at creation. */
	void renew(String tokenHash, Instant now) {
		this.tokenHash = tokenHash;
		this.expiresAt = now.plus(Duration.ofDays(this.lifetimeDays));
		this.updatedAt = now;
	}

	private void close(Instant now) {
		if (this.membershipPriorStatus == null && !ACCEPTED.equals(this.state)) {
			// The pending membership it made is deleted with it
			// (PendingMemberships.release).
			this.membershipId = null;
		}
		this.openKey = null;
		this.updatedAt = now;
	}

	String id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String organizationId() {
		return this.organizationId;
	}

	String membershipId() {
		return this.membershipId;
	}

	String membershipPriorStatus() {
		return this.membershipPriorStatus;
	}

	String roleSlug() {
		return this.roleSlug;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Instant acceptedAt() {
		return this.acceptedAt;
	}

	Instant revokedAt() {
		return this.revokedAt;
	}

	String inviterUserId() {
		return this.inviterUserId;
	}

	String acceptedUserId() {
		return this.acceptedUserId;
	}

	JsonMetadata metadata() {
		return this.metadata;
	}

	JsonMetadata publicMetadata() {
		return this.publicMetadata;
	}

	/** The stored version, which the {@code ETag} shows; 0 before the first save. */
	long version() {
		return (this.version != null) ? this.version : 0;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
