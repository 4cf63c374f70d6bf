package dev.claimsmith.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
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
 * A user aggregate. The password hash never leaves this package. Not thread-safe: load,
 * change and save within one transaction.
 */
@Table("app_user")
public class User {

	/** The metadata classes a user has (API.md "Metadata classes"). */
	static final Set<MetadataClass> METADATA_CLASSES = EnumSet.of(MetadataClass.METADATA, MetadataClass.PUBLIC_METADATA,
			MetadataClass.UNSAFE_METADATA);

	@Id
	private final String id;

	private String email;

	/** The lower-cased email; its unique index makes emails unique case-insensitively. */
	private String emailKey;

	private boolean emailVerified;

	private String firstName;

	private String lastName;

	private final String profilePictureUrl;

	private String passwordHash;

	private Instant lastSignInAt;

	private String externalId;

	private JsonMetadata metadata;

	private JsonMetadata publicMetadata;

	private JsonMetadata unsafeMetadata;

	@Version
	private Long version;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	User(String id, String email, String emailKey, boolean emailVerified, String firstName, String lastName,
			String profilePictureUrl, String passwordHash, Instant lastSignInAt, String externalId,
			JsonMetadata metadata, JsonMetadata publicMetadata, JsonMetadata unsafeMetadata, Long version,
			Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.email = email;
		this.emailKey = emailKey;
		this.emailVerified = emailVerified;
		this.firstName = firstName;
		this.lastName = lastName;
		this.profilePictureUrl = profilePictureUrl;
		this.passwordHash = passwordHash;
		this.lastSignInAt = lastSignInAt;
		this.externalId = externalId;
		this.metadata = metadata;
		this.publicMetadata = publicMetadata;
		this.unsafeMetadata = unsafeMetadata;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static User create(String email, Instant now) {
		return new User(Ids.next("user"), email, emailKey(email), false, null, null, null, null, null, null,
				JsonMetadata.empty(), JsonMetadata.empty(), JsonMetadata.empty(), null, now, now);
	}

	static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	void changeEmail(String email, Instant now) {
		this.email = email;
		this.emailKey = emailKey(email);
		touch(now);
	}

	void verifyEmail(boolean verified, Instant now) {
		this.emailVerified = verified;
		touch(now);
	}

	void rename(String firstName, String lastName, Instant now) {
		this.firstName = firstName;
		this.lastName = lastName;
		touch(now);
	}

	void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		touch(now);
	}

	void changeExternalId(String externalId, Instant now) {
		this.externalId = externalId;
		touch(now);
	}

	/** Applies the classes the request sent; the others stay as they are. */
	void updateMetadata(MetadataChanges changes, Instant now) {
		if (changes.isEmpty()) {
			return;
		}
		this.metadata = changes.applyTo(MetadataClass.METADATA, this.metadata);
		this.publicMetadata = changes.applyTo(MetadataClass.PUBLIC_METADATA, this.publicMetadata);
		this.unsafeMetadata = changes.applyTo(MetadataClass.UNSAFE_METADATA, this.unsafeMetadata);
		touch(now);
	}

	void signedIn(Instant now) {
		this.lastSignInAt = now;
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * Whether the user can sign in with a password (Clerk's {@code password_enabled}).
	 */
	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	public String id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public boolean emailVerified() {
		return this.emailVerified;
	}

	public String firstName() {
		return this.firstName;
	}

	public String lastName() {
		return this.lastName;
	}

	public String profilePictureUrl() {
		return this.profilePictureUrl;
	}

	public Instant lastSignInAt() {
		return this.lastSignInAt;
	}

	public String externalId() {
		return this.externalId;
	}

	public JsonMetadata metadata() {
		return this.metadata;
	}

	public JsonMetadata publicMetadata() {
		return this.publicMetadata;
	}

	/** Written by the signed-in user too: never a basis for authorization. */
	public JsonMetadata unsafeMetadata() {
		return this.unsafeMetadata;
	}

	/** The stored version, which the {@code ETag} shows; 0 before the first save. */
	public long version() {
		return (this.version != null) ? this.version : 0;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
