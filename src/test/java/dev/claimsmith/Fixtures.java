package dev.claimsmith;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.claimsmith.ApiClient.Response;

import static dev.claimsmith.ApiClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data made through the management API, as a customer's backend makes it, with
 * defaults that are unique per call so tests never collide on a shared database:
 * {@code fixtures.member().ofNewOrganization().role("admin").create()}. Each
 * {@code create()} asserts the 201, so a fixture that could not be made fails where it
 * was asked for. Injected into every {@link ApiTest}.
 */
public final class Fixtures {

	/** The password of every user made with {@link UserBuilder#withPassword()}. */
	public static final String PASSWORD = "correct horse battery staple";

	private final ApiClient api;

	public Fixtures(ApiClient api) {
		this.api = api;
	}

	public OrganizationBuilder organization() {
		return new OrganizationBuilder();
	}

	public UserBuilder user() {
		return new UserBuilder();
	}

	public MemberBuilder member() {
		return new MemberBuilder();
	}

	private Response created(String path, Map<String, Object> body) {
		Response created = this.api.post(path, body);
		assertThat(created.status()).as("%s %s", path, created.text()).isEqualTo(201);
		return created;
	}

	/** An organization named uniquely unless told otherwise. */
	public final class OrganizationBuilder {

		private final Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Org " + unique()));

		public OrganizationBuilder name(String name) {
			return with("name", name);
		}

		public OrganizationBuilder externalId(String externalId) {
			return with("external_id", externalId);
		}

		public OrganizationBuilder metadata(Map<String, ?> metadata) {
			return with("metadata", metadata);
		}

		public OrganizationBuilder publicMetadata(Map<String, ?> publicMetadata) {
			return with("public_metadata", publicMetadata);
		}

		public OrganizationBuilder with(String field, Object value) {
			this.body.put(field, value);
			return this;
		}

		/** Creates it; returns its id. */
		public String create() {
			return created("/organizations", this.body).field("id");
		}

	}

	/** A user with a unique email and no password unless told otherwise. */
	public final class UserBuilder {

		private final Map<String, Object> body = new LinkedHashMap<>(
				Map.of("email", "user-" + unique() + "@example.com"));

		public UserBuilder email(String email) {
			return with("email", email);
		}

		/** Signs in with {@link Fixtures#PASSWORD}. */
		public UserBuilder withPassword() {
			return with("password", PASSWORD);
		}

		public UserBuilder externalId(String externalId) {
			return with("external_id", externalId);
		}

		public UserBuilder metadata(Map<String, ?> metadata) {
			return with("metadata", metadata);
		}

		public UserBuilder publicMetadata(Map<String, ?> publicMetadata) {
			return with("public_metadata", publicMetadata);
		}

		public UserBuilder with(String field, Object value) {
			this.body.put(field, value);
			return this;
		}

		/** The email this user is (or will be) created with. */
		public String email() {
			return (String) this.body.get("email");
		}

		/** Creates it; returns its id. */
		public String create() {
			return created("/user_management/users", this.body).field("id");
		}

	}

	/**
	 * A membership; of a new user unless {@link #user} names one, in a new organization
	 * unless {@link #of} names one.
	 */
	public final class MemberBuilder {

		private final Map<String, Object> body = new LinkedHashMap<>();

		private String userId;

		private String organizationId;

		private UserBuilder newUser = new UserBuilder();

		public MemberBuilder ofNewOrganization() {
			this.organizationId = null;
			return this;
		}

		public MemberBuilder of(String organizationId) {
			this.organizationId = organizationId;
			return this;
		}

		public MemberBuilder user(String userId) {
			this.userId = userId;
			return this;
		}

		/** The new user this membership is made for, to shape it before creation. */
		public MemberBuilder newUser(UserBuilder user) {
			this.newUser = user;
			return this;
		}

		public MemberBuilder role(String roleSlug) {
			return with("role_slug", roleSlug);
		}

		public MemberBuilder customAttributes(Map<String, ?> customAttributes) {
			return with("custom_attributes", customAttributes);
		}

		public MemberBuilder with(String field, Object value) {
			this.body.put(field, value);
			return this;
		}

		public Member create() {
			String organization = (this.organizationId != null) ? this.organizationId : organization().create();
			String user = (this.userId != null) ? this.userId : this.newUser.create();
			Map<String, Object> request = new LinkedHashMap<>(this.body);
			request.put("user_id", user);
			request.put("organization_id", organization);
			Response created = created("/user_management/organization_memberships", request);
			return new Member(created.field("id"), user, organization);
		}

	}

	/** The ids of a membership made by {@link MemberBuilder#create()}. */
	public record Member(String membershipId, String userId, String organizationId) {
	}

}
