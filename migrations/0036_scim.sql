-- SCIM 2.0 provisioning (RFC 7643/7644): an identity system (Entra ID, a regional directory)
-- creates, updates and disables Navet users. Portable: runs on PostgreSQL 15 and on PGlite.

-- A SCIM client: one bearer credential (stored as its SHA-256 only, shown once, rotatable) and
-- the register it provisions into: 'national', a healthcare-region id or a county code. A client
-- sees and changes only the users provisioned into registers its owner covers.
CREATE TABLE scim_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  owner text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX scim_clients_owner ON scim_clients (owner);

-- A provisioned user: what SCIM says about them beyond the users row (userName, the parts of the
-- name), the register they belong to and their person. The HSA-id (externalId) is users.hsa_id
-- and persons.hsa_id. A SCIM DELETE keeps the user, disabled, with deleted_at set: SCIM answers
-- 404 for it from then on, while Navet keeps who did what.
CREATE TABLE scim_users (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES scim_clients (id),
  owner text NOT NULL,
  user_name text NOT NULL CHECK (length(user_name) BETWEEN 1 AND 254),
  given_name text CHECK (given_name IS NULL OR length(given_name) <= 200),
  family_name text CHECK (family_name IS NULL OR length(family_name) <= 200),
  person_id uuid REFERENCES persons (id),
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scim_users_user_name ON scim_users (lower(user_name));
CREATE INDEX scim_users_owner ON scim_users (owner, created_at, user_id);
