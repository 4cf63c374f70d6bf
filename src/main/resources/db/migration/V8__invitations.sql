-- Invitations (API.md "Invitations (WorkOS wire)"). An open invitation to an organization
-- holds a pending membership; when the invited email has no user yet, that membership has
-- no user either, so organization_membership.user_id becomes nullable. The unique index on
-- (user_id, organization_id) stays right: H2 and PostgreSQL both treat NULLs as distinct in
-- a unique index, so any number of user-less pending memberships may exist, and a user
-- still has at most one membership per organization.
ALTER TABLE organization_membership ALTER COLUMN user_id DROP NOT NULL;

-- The token is a random 256-bit secret stored only as its SHA-256 hash (hex), like refresh
-- tokens. open_key is '<organization_id or ->:<lower-cased email>' while the invitation is
-- open and NULL once accepted, revoked or superseded after expiry (then state 'expired'): its unique index makes a
-- second open invitation for the same email and organization fail, also under a race.
-- metadata and public_metadata are compact JSON text, as everywhere; they move to the
-- membership on acceptance, leaving '{}' here. lifetime_days is what a resend renews.
CREATE TABLE invitation (
    id                      VARCHAR(40)  NOT NULL PRIMARY KEY,
    email                   VARCHAR(254) NOT NULL,
    email_key               VARCHAR(254) NOT NULL,
    organization_id         VARCHAR(40)  REFERENCES organization (id) ON DELETE CASCADE,
    membership_id           VARCHAR(40)  REFERENCES organization_membership (id) ON DELETE SET NULL,
    membership_prior_status VARCHAR(16),
    role_slug               VARCHAR(64),
    state                   VARCHAR(16)  NOT NULL,
    open_key                VARCHAR(300),
    token_hash              VARCHAR(64)  NOT NULL,
    lifetime_days           INTEGER      NOT NULL,
    expires_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at             TIMESTAMP WITH TIME ZONE,
    revoked_at              TIMESTAMP WITH TIME ZONE,
    inviter_user_id         VARCHAR(40)  REFERENCES app_user (id) ON DELETE SET NULL,
    accepted_user_id        VARCHAR(40)  REFERENCES app_user (id) ON DELETE SET NULL,
    metadata                VARCHAR(16384) DEFAULT '{}' NOT NULL,
    public_metadata         VARCHAR(16384) DEFAULT '{}' NOT NULL,
    version                 BIGINT       NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX invitation_token_hash_key ON invitation (token_hash);
CREATE UNIQUE INDEX invitation_open_key ON invitation (open_key);
CREATE INDEX invitation_organization_idx ON invitation (organization_id);
CREATE INDEX invitation_email_idx ON invitation (email_key);
