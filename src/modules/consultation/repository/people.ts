import type { Queryable } from '../../../platform/db/index.js';
import { selectRows } from '../../../platform/db/rows.js';

export interface Recipient {
  email: string;
  name: string;
}

/** Group roles held through current memberships by the person with this e-mail. */
export async function membershipRoles(db: Queryable, email: string, today: string): Promise<{ groupId: string; role: string }[]> {
  return selectRows(
    db,
    `SELECT DISTINCT m.group_id, m.role FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE p.email = $1 AND p.anonymised_at IS NULL AND m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date)`,
    [email.toLowerCase(), today],
  );
}

/** Chairs and process supports of a group: members today and users with the role at the group. */
export async function groupLeaders(db: Queryable, groupId: string, today: string): Promise<Recipient[]> {
  return db.query<Recipient>(
    `SELECT p.email, p.name FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = $1 AND m.role IN ('ordforande', 'processtod') AND m.start_date <= $2::date
       AND (m.end_date IS NULL OR m.end_date >= $2::date) AND p.email IS NOT NULL AND p.anonymised_at IS NULL
     UNION
     SELECT u.email, u.name FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE r.scope_type = 'group' AND r.scope_id = $1::text AND r.role IN ('ordforande', 'processtod') AND NOT u.disabled
     ORDER BY 1`,
    [groupId, today],
  );
}

export async function coordinatorsOf(db: Queryable, region: string): Promise<Recipient[]> {
  return db.query<Recipient>(
    `SELECT DISTINCT u.email, u.name FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE r.role = 'samordnare' AND r.scope_type = 'region' AND r.scope_id = $1 AND NOT u.disabled ORDER BY u.email`,
    [region],
  );
}

/** The case's handläggare, the answer's contact person when one is named. */
export async function caseHandlerName(db: Queryable, caseId: string): Promise<string | null> {
  const rows = await db.query<{ name: string }>(
    `SELECT p.name FROM cases c JOIN persons p ON p.id = c.handler_person_id WHERE c.id = $1 AND p.anonymised_at IS NULL`,
    [caseId],
  );
  return rows[0]?.name ?? null;
}

/** The chair (ordförande) of a group on a day, who signs what the group decided. */
export async function chairOf(db: Queryable, groupId: string, day: string): Promise<string | null> {
  const rows = await db.query<{ name: string }>(
    `SELECT p.name FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = $1 AND m.role = 'ordforande' AND m.start_date <= $2::date
       AND (m.end_date IS NULL OR m.end_date >= $2::date) AND p.anonymised_at IS NULL
     ORDER BY m.start_date DESC, p.name LIMIT 1`,
    [groupId, day],
  );
  return rows[0]?.name ?? null;
}
