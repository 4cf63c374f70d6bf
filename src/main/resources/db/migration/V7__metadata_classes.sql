-- Metadata classes (API.md "Metadata classes"): every class is a JSON object stored as its
-- compact JSON text, so values keep their JSON types and the SQL stays portable between H2
-- and PostgreSQL. Existing metadata keeps its column and its values (string values are
-- already valid typed JSON); the new classes start empty.
ALTER TABLE organization ADD COLUMN public_metadata VARCHAR(16384) DEFAULT '{}' NOT NULL;

ALTER TABLE app_user ADD COLUMN public_metadata VARCHAR(16384) DEFAULT '{}' NOT NULL;
ALTER TABLE app_user ADD COLUMN unsafe_metadata VARCHAR(16384) DEFAULT '{}' NOT NULL;

-- A membership's external_id is the customer's id for that user within that organization
-- (seed 001): unique per organization, enforced here so it holds under races.
ALTER TABLE organization_membership ADD COLUMN external_id VARCHAR(128);
ALTER TABLE organization_membership ADD COLUMN metadata VARCHAR(16384) DEFAULT '{}' NOT NULL;
ALTER TABLE organization_membership ADD COLUMN public_metadata VARCHAR(16384) DEFAULT '{}' NOT NULL;
ALTER TABLE organization_membership ADD COLUMN custom_attributes VARCHAR(16384) DEFAULT '{}' NOT NULL;
CREATE UNIQUE INDEX organization_membership_org_external_id_key
    ON organization_membership (organization_id, external_id);
