package dev.claimsmith.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do (API.md "API keys"): {@code admin} everything, {@code mint}
 * tokens and introspection (and sign-in as client secret), {@code preview} the read-only
 * calls of the template playground.
 */
enum ApiKeyScope {

	ADMIN, MINT, PREVIEW;

	/** The wire name, e.g. {@code mint}. */
	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ApiKeyScope> of(String wireName) {
		return Arrays.stream(values()).filter((scope) -> scope.wireName().equals(wireName)).findFirst();
	}

	/** Whether keys with {@code granted} may do what needs {@code this}. */
	boolean isGrantedBy(Set<ApiKeyScope> granted) {
		return granted.contains(ADMIN) || granted.contains(this);
	}

	/** The stored form: wire names separated by single spaces, in declaration order. */
	static String format(Collection<ApiKeyScope> scopes) {
		return EnumSet.copyOf(scopes).stream().map(ApiKeyScope::wireName).collect(Collectors.joining(" "));
	}

	/** Reads the stored form; an unknown name (from a later version) grants nothing. */
	static Set<ApiKeyScope> parse(String stored) {
		Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
		for (String name : stored.trim().split(" +")) {
			of(name).ifPresent(scopes::add);
		}
		return scopes;
	}

}
