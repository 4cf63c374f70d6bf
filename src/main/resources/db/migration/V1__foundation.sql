-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).
-- Uniqueness that the contract promises (external ids, emails, one membership per user
-- and organization) is enforced here, by the database, so it holds under races.

CREATE TABLE organization (
    id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    external_id VARCHAR(64),
    metadata    VARCHAR(16384) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX organization_external_id_key ON organization (external_id);

CREATE TABLE organization_domain (
    organization_id VARCHAR(40)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    domain_id       VARCHAR(48)  NOT NULL,
    domain          VARCHAR(253) NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, position)
);
CREATE INDEX organization_domain_domain_idx ON organization_domain (domain);

-- "user" is reserved in PostgreSQL, hence app_user.
CREATE TABLE app_user (
    id                  VARCHAR(40)  NOT NULL PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    email_key           VARCHAR(254) NOT NULL,
    email_verified      BOOLEAN      NOT NULL,
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    profile_picture_url VARCHAR(2048),
    password_hash       VARCHAR(255),
    last_sign_in_at     TIMESTAMP WITH TIME ZONE,
    external_id         VARCHAR(64),
    metadata            VARCHAR(16384) NOT NULL,
    version             BIGINT       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
-- email_key is the lower-cased email: case-insensitive uniqueness without expression indexes.
CREATE UNIQUE INDEX app_user_email_key ON app_user (email_key);
CREATE UNIQUE INDEX app_user_external_id_key ON app_user (external_id);

CREATE TABLE organization_membership (
    id              VARCHAR(40) NOT NULL PRIMARY KEY,
    user_id         VARCHAR(40) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    organization_id VARCHAR(40) NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    role_slug       VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX organization_membership_user_org_key ON organization_membership (user_id, organization_id);
CREATE INDEX organization_membership_org_idx ON organization_membership (organization_id);

-- API keys are stored only as SHA-256 hashes (they are random 256-bit secrets, so a fast
-- hash is enough; a slow one would only slow every request).
CREATE TABLE api_key (
    id         VARCHAR(40) NOT NULL PRIMARY KEY,
    key_hash   VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX api_key_hash_key ON api_key (key_hash);
