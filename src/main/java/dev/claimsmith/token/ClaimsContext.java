package dev.claimsmith.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.claimsmith.token.MintSubject.MembershipView;
import dev.claimsmith.token.MintSubject.OrganizationView;
import dev.claimsmith.token.MintSubject.UserView;

/**
 * The allow-listed view of a user, organization and membership that templates render
 * from. Only the fields named here ever reach a template: no password hash, no versions,
 * no internals. Built once per mint; immutable.
 */
final class ClaimsContext {

	private ClaimsContext() {
	}

	/**
	 * The template context map: {@code user}, and {@code organization} and
	 * {@code organization_membership} when the subject has them.
	 */
	static Map<String, Object> of(MintSubject subject) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("user", user(subject.user()));
		if (subject.organization() != null) {
			context.put("organization", organization(subject.organization()));
			context.put("organization_membership", membership(subject.membership(), subject.permissions()));
		}
		return context;
	}

	private static Map<String, Object> user(UserView user) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", user.id());
		view.put("email", user.email());
		view.put("email_verified", user.emailVerified());
		view.put("first_name", user.firstName());
		view.put("last_name", user.lastName());
		view.put("profile_picture_url", user.profilePictureUrl());
		view.put("external_id", user.externalId());
		view.put("metadata", user.metadata().asMap());
		return view;
	}

	private static Map<String, Object> organization(OrganizationView organization) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", organization.id());
		view.put("name", organization.name());
		view.put("external_id", organization.externalId());
		view.put("metadata", organization.metadata().asMap());
		view.put("domains", organization.domains().stream().map((domain) -> Map.of("domain", domain)).toList());
		return view;
	}

	private static Map<String, Object> membership(MembershipView membership, List<String> permissions) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", membership.id());
		view.put("role", membership.role());
		view.put("roles", List.of(membership.role()));
		view.put("permissions", permissions);
		view.put("status", membership.status());
		return view;
	}

}
