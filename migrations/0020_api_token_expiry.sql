-- API tokens expire. A new token gets its end from NAVET_API_TOKEN_DAYS (default 90 days);
-- the column default is the same 90 days for any insert that does not say. Tokens made before
-- this migration had no end: a live one gets 90 days from now, a revoked one ends when it was
-- revoked. A token is also revoked when its owner's password changes or the owner is disabled.
UPDATE api_tokens SET expires_at = COALESCE(revoked_at, now() + interval '90 days') WHERE expires_at IS NULL;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET DEFAULT now() + interval '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
