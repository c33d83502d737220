import type { Queryable } from './types.js';

/**
 * The database roles on a PostgreSQL server. The owner (who runs `navet migrate`) owns the
 * tables; the application runs as a role that owns nothing, is not a superuser, and may only
 * read and add to the audit trail. An owner or a superuser could switch the append-only
 * triggers off (`ALTER TABLE … DISABLE TRIGGER`, `SET session_replication_role = replica`)
 * and rewrite the trail, so the web process and the worker refuse to start as one.
 */

/** A role name Navet will put into GRANT statements: a plain lower-case SQL identifier. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class DatabaseRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRoleError';
  }
}

export interface RoleFacts {
  role: string;
  superuser: boolean;
  /** Owns the audit table, or may become its owner (SET ROLE). */
  ownsAudit: boolean;
  /** Rights on the audit table beyond reading and adding: any of these can rewrite the trail. */
  auditRights: string[];
  /** May set session_replication_role (switches every trigger off). */
  setsReplicationRole: boolean;
}

export async function roleFacts(db: Queryable): Promise<RoleFacts> {
  const [row] = await db.query<{
    role: string;
    superuser: boolean;
    owns_audit: boolean;
    audit_rights: string[];
    sets_replication_role: boolean;
  }>(
    `SELECT current_user AS role, r.rolsuper AS superuser,
       COALESCE(pg_has_role(current_user, c.relowner, 'MEMBER'), false) AS owns_audit,
       ARRAY(SELECT p FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS p
             WHERE c.oid IS NOT NULL AND has_table_privilege(current_user, c.oid, p)) AS audit_rights,
       has_parameter_privilege(current_user, 'session_replication_role', 'SET') AS sets_replication_role
     FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_events')
     WHERE r.rolname = current_user`,
  );
  return {
    role: row!.role,
    superuser: row!.superuser,
    ownsAudit: row!.owns_audit,
    auditRights: row!.audit_rights,
    setsReplicationRole: row!.sets_replication_role,
  };
}

/** What makes a role unfit to run the application, in Swedish for the operator; empty when fit. */
export function roleProblems(f: RoleFacts): string[] {
  if (f.superuser) return [`rollen ${f.role} är superanvändare`];
  const problems: string[] = [];
  if (f.ownsAudit) problems.push(`rollen ${f.role} äger granskningsloggen (audit_events) eller kan bli dess ägare`);
  else if (f.auditRights.length)
    problems.push(`rollen ${f.role} har ${f.auditRights.join(', ')} på granskningsloggen (audit_events)`);
  if (f.setsReplicationRole) problems.push(`rollen ${f.role} får sätta session_replication_role`);
  return problems;
}

/**
 * Run before a web process or worker starts on PostgreSQL. Throws a DatabaseRoleError when the
 * role could rewrite the audit trail, unless `allowOwner` (NAVET_DB_ALLOW_OWNER=1, development
 * and tests only); then it returns the problems, for a warning. PGlite has no roles to speak of.
 */
export async function checkApplicationRole(db: Queryable & { kind: string }, opts: { allowOwner: boolean }): Promise<string[]> {
  if (db.kind !== 'postgresql') return [];
  const problems = roleProblems(await roleFacts(db));
  if (problems.length && !opts.allowOwner) {
    throw new DatabaseRoleError(
      `Navet startar inte: ${problems.join('; ')}. Då kan appen skriva om granskningsloggen. ` +
        'Kör appen som en egen roll som inte äger något och bara får läsa och lägga till i granskningsloggen, ' +
        'och kör migreringarna som ägaren (NAVET_DB_APP_ROLE=<approll> navet migrate), se README, "PostgreSQL i drift". ' +
        'Bara för utveckling och tester: NAVET_DB_ALLOW_OWNER=1.',
    );
  }
  return problems;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Gives the application role exactly what it needs, run by `navet migrate` as the owner after
 * the migrations (so tables added by later migrations are covered): read and write on every
 * table, but only SELECT and INSERT on the audit trail and SELECT on schema_migrations; the
 * sequences; nothing else. Idempotent; any earlier grant beyond these is taken back.
 */
export async function grantApplicationRole(tx: Queryable, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new DatabaseRoleError(`NAVET_DB_APP_ROLE "${role}" är inget giltigt rollnamn`);
  const [r] = await tx.query<{ superuser: boolean; owner: boolean; is_me: boolean }>(
    `SELECT rolsuper AS superuser, rolname = current_user AS is_me,
       COALESCE(pg_has_role($1, (SELECT relowner FROM pg_class WHERE oid = to_regclass('public.audit_events')), 'MEMBER'), false) AS owner
     FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (!r) {
    throw new DatabaseRoleError(
      `NAVET_DB_APP_ROLE: rollen ${role} finns inte. Skapa den först: CREATE ROLE ${role} LOGIN PASSWORD '…';`,
    );
  }
  if (r.superuser || r.is_me || r.owner) {
    throw new DatabaseRoleError(
      `NAVET_DB_APP_ROLE: rollen ${role} är superanvändare eller ägare av tabellerna; appens roll ska inte äga något`,
    );
  }
  const [{ db }] = (await tx.query<{ db: string }>('SELECT current_database() AS db')) as [{ db: string }];
  const q = quote(role);
  await tx.exec(`
    GRANT CONNECT ON DATABASE ${quote(db)} TO ${q};
    GRANT USAGE ON SCHEMA public TO ${q};
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${q};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${q};
    REVOKE UPDATE, DELETE ON audit_events FROM ${q};
    REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${q};
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${q};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${q};
  `);
}
