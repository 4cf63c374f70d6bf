package dev.claimsmith.keys;

/** Where a key is in its life; only {@link #REMOVED} keys are absent from the JWKS. */
enum KeyStatus {

	/** Published, not yet signing: verifiers fetch it before its first token. */
	PENDING,
	/** Published and signing. */
	ACTIVE,
	/** Published, no longer signing: tokens it signed may still be alive. */
	RETIRED,
	/**
	 * Every token it signed has expired; no longer published, pruned at the next write.
	 */
	REMOVED

}
