-- API keys as a resource (API.md "API keys"): a name, the first characters of the secret
-- (to tell keys apart in a list), scopes as a space-separated list, when the key was last
-- used (to the minute, see auth/ApiKeys) and when it was revoked. A revoked key keeps its
-- row, so a restart with the same CLAIMSMITH_API_KEY does not bring it back. Existing keys
-- keep working with every right they had: they become admin keys.
ALTER TABLE api_key ADD COLUMN name VARCHAR(100) DEFAULT 'bootstrap' NOT NULL;
ALTER TABLE api_key ADD COLUMN prefix VARCHAR(16);
ALTER TABLE api_key ADD COLUMN scopes VARCHAR(64) DEFAULT 'admin' NOT NULL;
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
