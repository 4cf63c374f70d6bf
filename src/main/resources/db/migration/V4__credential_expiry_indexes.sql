-- The purge of expired credentials (auth/ExpiredCredentialsPurge) finds them by expiry.
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);
CREATE INDEX pending_authentication_expires_idx ON pending_authentication (expires_at);
