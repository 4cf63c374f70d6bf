package dev.claimsmith.bench;

import dev.claimsmith.keys.BenchKeys;

/** Prints which provider the service picks for the algorithm named in the argument. */
public final class ProviderName {

	private ProviderName() {
	}

	public static void main(String[] args) {
		System.out.println(BenchKeys.providerName(args[0], "auto"));
	}

}
