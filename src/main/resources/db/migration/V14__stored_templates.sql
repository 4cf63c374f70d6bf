-- Claims templates created through an API (Clerk's /v1/jwt_templates) rather than as files:
-- stored next to the templates folder, under the same names (a name is either a file or a
-- row), in the dialect they were written in. The content is the template's text (for the
-- Clerk dialect, the claims object as compact JSON); lifetime and clock skew are the
-- template's own, in seconds, when its dialect carries them.
CREATE TABLE stored_template (
    id                          VARCHAR(64)    NOT NULL PRIMARY KEY,
    name                        VARCHAR(64)    NOT NULL,
    dialect                     VARCHAR(16)    NOT NULL,
    content                     VARCHAR(65536) NOT NULL,
    lifetime_seconds            BIGINT,
    allowed_clock_skew_seconds  BIGINT,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX stored_template_name_key ON stored_template (name);
