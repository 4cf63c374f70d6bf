package dev.claimsmith.store;

import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Object ids in WorkOS style: a type prefix and a ULID ({@code org_01HX…}). ULIDs sort by
 * creation time, which is what lets an id serve as a stable list cursor.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * A new id; monotonic within this process, so ids made in one millisecond still sort.
	 */
	public static String next(String prefix) {
		return prefix + "_" + UlidCreator.getMonotonicUlid();
	}

}
