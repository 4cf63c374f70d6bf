package dev.claimsmith.membership;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.store.Ids;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user's membership of an organization, referring to both by id only. Not thread-safe:
 * load, change and save within one transaction.
 */
@Table("organization_membership")
public class Membership {

	public static final String ACTIVE = "active";

	public static final String INACTIVE = "inactive";

	/**
	 * The membership an open invitation holds: no access until the invitation is
	 * accepted, and no user yet when the invited email has none.
	 */
	public static final String PENDING = "pending";

	/** The metadata classes a membership has (API.md "Metadata classes"). */
	static final Set<MetadataClass> METADATA_CLASSES = EnumSet.of(MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA,
			MetadataClass.CUSTOM_ATTRIBUTES);

	@Id
	private final String id;

	private String userId;

	private final String organizationId;

	private String roleSlug;

	private String status;

	private String externalId;

	private JsonMetadata metadata;

	private JsonMetadata publicMetadata;

	private JsonMetadata customAttributes;

	@Version
	private Long version;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Membership(String id, String userId, String organizationId, String roleSlug, String status, String externalId,
			JsonMetadata metadata, JsonMetadata publicMetadata, JsonMetadata customAttributes, Long version,
			Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.userId = userId;
		this.organizationId = organizationId;
		this.roleSlug = roleSlug;
		this.status = status;
		this.externalId = externalId;
		this.metadata = metadata;
		this.publicMetadata = publicMetadata;
		this.customAttributes = customAttributes;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Membership create(String userId, String organizationId, String roleSlug, Instant now) {
		return new Membership(Ids.next("om"), userId, organizationId, roleSlug, ACTIVE, null, JsonMetadata.empty(),
				JsonMetadata.empty(), JsonMetadata.empty(), null, now, now);
	}

	/** A pending membership for an invitation; {@code userId} is null for a new user. */
	static Membership pending(String userId, String organizationId, String roleSlug, Instant now) {
		return new Membership(Ids.next("om"), userId, organizationId, roleSlug, PENDING, null, JsonMetadata.empty(),
				JsonMetadata.empty(), JsonMetadata.empty(), null, now, now);
	}

	void changeExternalId(String externalId, Instant now) {
		this.externalId = externalId;
		this.updatedAt = now;
	}

	/**
	 * An existing (inactive) membership held pending by an invitation. It keeps its role:
	 * the invited role is granted on acceptance only, so a revoked or expired invitation
	 * leaves the membership exactly as it was.
	 */
	void holdPending(Instant now) {
		this.status = PENDING;
		this.updatedAt = now;
	}

	/** The invitation was accepted by {@code userId}: the membership becomes active. */
	void activateFor(String userId, String roleSlug, Instant now) {
		this.userId = userId;
		reactivate(roleSlug, now);
	}

	void changeRole(String roleSlug, Instant now) {
		this.roleSlug = roleSlug;
		this.updatedAt = now;
	}

	/**
	 * An inactive membership made active again, with the role the caller now asks for.
	 */
	void reactivate(String roleSlug, Instant now) {
		this.roleSlug = roleSlug;
		this.status = ACTIVE;
		this.updatedAt = now;
	}

	/** Applies the classes the request sent; the others stay as they are. */
	void updateMetadata(MetadataChanges changes, Instant now) {
		if (changes.isEmpty()) {
			return;
		}
		this.metadata = changes.applyTo(MetadataClass.METADATA, this.metadata);
		this.publicMetadata = changes.applyTo(MetadataClass.PUBLIC_METADATA, this.publicMetadata);
		this.customAttributes = changes.applyTo(MetadataClass.CUSTOM_ATTRIBUTES, this.customAttributes);
		this.updatedAt = now;
	}

	void changeStatus(String status, Instant now) {
		if (!this.status.equals(status)) {
			this.status = status;
			this.updatedAt = now;
		}
	}

	public String id() {
		return this.id;
	}

	/** Null for a pending membership of an email that has no user yet. */
	public String userId() {
		return this.userId;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public String roleSlug() {
		return this.roleSlug;
	}

	public String status() {
		return this.status;
	}

	public String externalId() {
		return this.externalId;
	}

	public boolean isPending() {
		return PENDING.equals(this.status);
	}

	public JsonMetadata metadata() {
		return this.metadata;
	}

	public JsonMetadata publicMetadata() {
		return this.publicMetadata;
	}

	public JsonMetadata customAttributes() {
		return this.customAttributes;
	}

	/** The stored version, which the {@code ETag} shows; 0 before the first save. */
	public long version() {
		return (this.version != null) ? this.version : 0;
	}

	public boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
