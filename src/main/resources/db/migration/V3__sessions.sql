-- Sessions and the secrets bound to them. Refresh tokens and pending authentication tokens
-- are random 256-bit values stored only as SHA-256 hashes (hex). Everything goes with its
-- user (ON DELETE CASCADE), so a deleted user's refresh tokens stop working at once.

CREATE TABLE auth_session (
    id              VARCHAR(40) NOT NULL PRIMARY KEY,
    user_id         VARCHAR(40) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    client_id       VARCHAR(64) NOT NULL,
    organization_id VARCHAR(40),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_session_user_idx ON auth_session (user_id);

-- One row per refresh token ever issued; a spent one stays (used = TRUE) so that its reuse
-- is recognised and revokes the session. Spending is a conditional
-- UPDATE ... WHERE used = FALSE, so of two concurrent refreshes only one wins.
CREATE TABLE refresh_token (
    token_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
    session_id      VARCHAR(40) NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    user_id         VARCHAR(40) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    client_id       VARCHAR(64) NOT NULL,
    organization_id VARCHAR(40),
    used            BOOLEAN     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

-- Issued with organization_selection_required; redeemed once, with the chosen
-- organization, by the organization-selection grant.
CREATE TABLE pending_authentication (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(40) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    client_id  VARCHAR(64) NOT NULL,
    used       BOOLEAN     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pending_authentication_user_idx ON pending_authentication (user_id);
