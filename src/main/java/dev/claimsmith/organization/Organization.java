package dev.claimsmith.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.claimsmith.metadata.JsonMetadata;
import dev.claimsmith.metadata.MetadataChanges;
import dev.claimsmith.metadata.MetadataClass;
import dev.claimsmith.store.Ids;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organization aggregate; its domains live inside it. Not thread-safe: load, change
 * and save within one transaction.
 */
@Table("organization")
public class Organization {

	/** The metadata classes an organization has (API.md "Metadata classes"). */
	static final Set<MetadataClass> METADATA_CLASSES = EnumSet.of(MetadataClass.METADATA,
			MetadataClass.PUBLIC_METADATA);

	@Id
	private final String id;

	private String name;

	private String slug;

	private String externalId;

	private JsonMetadata metadata;

	private JsonMetadata publicMetadata;

	@MappedCollection(idColumn = "organization_id", keyColumn = "position")
	private List<OrganizationDomain> domains;

	@Version
	private Long version;

	private final Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Organization(String id, String name, String slug, String externalId, JsonMetadata metadata,
			JsonMetadata publicMetadata, List<OrganizationDomain> domains, Long version, Instant createdAt,
			Instant updatedAt) {
		this.id = id;
		this.name = name;
		this.slug = slug;
		this.externalId = externalId;
		this.metadata = metadata;
		this.publicMetadata = publicMetadata;
		this.domains = domains;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	static Organization create(String name, String slug, List<DomainData> domains, String externalId,
			MetadataChanges metadata, Instant now) {
		Organization organization = new Organization(Ids.next("org"), name, slug, externalId, JsonMetadata.empty(),
				JsonMetadata.empty(), new ArrayList<>(), null, now, now);
		organization.replaceDomains(domains, now);
		organization.updateMetadata(metadata, now);
		return organization;
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void changeSlug(String slug, Instant now) {
		this.slug = slug;
		this.updatedAt = now;
	}

	void changeExternalId(String externalId, Instant now) {
		this.externalId = externalId;
		this.updatedAt = now;
	}

	/** Applies the classes the request sent; the others stay as they are. */
	void updateMetadata(MetadataChanges changes, Instant now) {
		if (changes.isEmpty()) {
			return;
		}
		this.metadata = changes.applyTo(MetadataClass.METADATA, this.metadata);
		this.publicMetadata = changes.applyTo(MetadataClass.PUBLIC_METADATA, this.publicMetadata);
		this.updatedAt = now;
	}

	/**
	 * Keeps the id and creation time of domains that stay, so clients' references hold.
	 */
	void replaceDomains(List<DomainData> requested, Instant now) {
		List<OrganizationDomain> next = new ArrayList<>();
		for (DomainData data : requested) {
			OrganizationDomain kept = this.domains.stream()
				.filter((domain) -> domain.domain().equals(data.domain()))
				.findFirst()
				.orElse(null);
			if (kept == null) {
				next.add(new OrganizationDomain(Ids.next("org_domain"), data.domain(), data.state(), now, now));
			}
			else {
				next.add(kept.state().equals(data.state()) ? kept : kept.withState(data.state(), now));
			}
		}
		this.domains = next;
		this.updatedAt = now;
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Unique, {@code [a-z0-9-]}, at most 64 characters (see {@link OrganizationSlugs}).
	 */
	public String slug() {
		return this.slug;
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

	/** The stored version, which the {@code ETag} shows; 0 before the first save. */
	public long version() {
		return (this.version != null) ? this.version : 0;
	}

	public List<OrganizationDomain> domains() {
		return List.copyOf(this.domains);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** A requested domain: lower-cased name and verification state. */
	record DomainData(String domain, String state) {
	}

}
