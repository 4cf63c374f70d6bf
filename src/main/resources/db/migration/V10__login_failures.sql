-- Failed sign-in counters of the login throttle (auth/LoginThrottle), shared by every
-- instance. One row per counter: its key is the SHA-256 (hex) of what it counts (an IP, a
-- lower-cased email, or both), so no email or IP is stored in the clear. A counter counts
-- failures until window_ends_at; after that it counts as zero, and the purge deletes it.
CREATE TABLE login_failure (
    throttle_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    failures       INTEGER     NOT NULL,
    window_ends_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_window_idx ON login_failure (window_ends_at);
