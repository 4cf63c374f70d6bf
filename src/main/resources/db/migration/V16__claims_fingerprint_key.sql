-- The HMAC key of claims fingerprints (token/ClaimsFingerprints): a token carries the
-- keyed hash of the claims context it was minted from, and introspection compares it with
-- the current one (API.md "Stale-token detection"). Keyed, so that a token holder cannot
-- confirm guesses of the private metadata it summarizes. One row, made at first use by
-- whichever instance comes first; every instance then uses the same key.
CREATE TABLE claims_fingerprint_key (
    id         INTEGER     NOT NULL PRIMARY KEY,
    secret     VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
