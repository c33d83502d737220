-- Sign-in through an identity provider (OIDC, e.g. SITHS via Inera IdP) and session timeouts.
-- Portable: runs on PostgreSQL 15 and on PGlite.

-- A user signed in through an identity provider is keyed on issuer + HSA-id; the subject is
-- kept too, since some providers issue pairwise subjects.
ALTER TABLE users ADD COLUMN hsa_id text CHECK (hsa_id IS NULL OR hsa_id ~ '^SE[0-9A-Za-z-]{4,60}$');
CREATE UNIQUE INDEX users_hsa_id ON users (hsa_id) WHERE hsa_id IS NOT NULL;

CREATE TABLE user_identities (
  issuer text NOT NULL,
  hsa_id text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, hsa_id)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- An authorisation request in flight: state, nonce and PKCE verifier live here, not in the
-- process, so the callback may reach any app process. Consumed (deleted) by the callback.
CREATE TABLE oidc_requests (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_requests_expiry ON oidc_requests (expires_at);

-- Sessions: expires_at is now the absolute end (never extended); the idle end is
-- last_seen_at + the configured idle timeout. How the session was made is kept for logout.
ALTER TABLE sessions ADD COLUMN method text NOT NULL DEFAULT 'password' CHECK (method IN ('password', 'oidc'));
ALTER TABLE sessions ADD COLUMN id_token_hint text;
