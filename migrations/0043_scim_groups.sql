-- SCIM Groups (RFC 7643 §4.2): the groups an identity system provisions, their members, and
-- what a group means in Navet: a SCIM client's administrator maps a group (by displayName or
-- externalId) to a Navet role at a scope the client's register covers; a member holds that role
-- while they are in the group. Portable: runs on PostgreSQL 15 and on PGlite.

CREATE TABLE scim_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES scim_clients (id),
  owner text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 256),
  external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 256),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scim_groups_display_name ON scim_groups (owner, lower(display_name));
CREATE INDEX scim_groups_client ON scim_groups (client_id, created_at, id);

CREATE TABLE scim_group_members (
  group_id uuid NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX scim_group_members_user ON scim_group_members (user_id);

-- A client's mapping: the group whose displayName (case-insensitive) or externalId is
-- group_key gives its members role at (scope_type, scope_id). Checked when it is set (the
-- client's register must cover the scope; admin is never given by a directory) and again
-- whenever a grant is made.
CREATE TABLE scim_group_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES scim_clients (id) ON DELETE CASCADE,
  group_key text NOT NULL CHECK (length(group_key) BETWEEN 1 AND 256),
  role text NOT NULL,
  scope_type text NOT NULL CHECK (scope_type IN ('system', 'healthcare-region', 'region')),
  scope_id text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX scim_group_roles_key ON scim_group_roles (client_id, lower(group_key), role, scope_type, scope_id);

-- A role held through a SCIM group names the group: leaving the group takes back only what the
-- group gave (a role given by hand stays), and an administrator's edit of the roles keeps it.
ALTER TABLE role_assignments ADD COLUMN scim_group_id uuid REFERENCES scim_groups (id) ON DELETE CASCADE;
CREATE INDEX role_assignments_scim_group ON role_assignments (scim_group_id) WHERE scim_group_id IS NOT NULL;
