import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRows } from '../../../platform/db/rows.js';
import type { Expiring } from '../expiring.js';
import type { DeclarationStatus } from '../rules/membership.js';
import type { ReminderKind } from './rules.js';

/** The SQL for reminders and the expiring list; rows in API shape (platform/db/rows.ts). */

type ExpiringMembership = Static<typeof Expiring>['memberships'][number];

/**
 * A seat held today as the expiring list shows it, with the holder's home organisation (whose
 * reviewers hear of a lapsing declaration) and the holder's latest declaration.
 */
export type HeldMembershipRecord = Pick<
  ExpiringMembership,
  'id' | 'groupId' | 'groupName' | 'groupOwner' | 'personId' | 'personName' | 'role' | 'startDate' | 'endDate' | 'version'
> & {
  personHomeOwner: string;
  declarationId: string | null;
  declarationStatus: DeclarationStatus | null;
  declarationSubmittedAt: string | null;
  declarationValidUntil: string | null;
};

/**
 * Memberships held today in active groups (optionally only those of some owners), each with
 * the person's latest declaration. A seat already renewed (the same person, group and role
 * continuing the day after it ends) is left out: its end is not really an end.
 */
export async function heldMemberships(
  db: Queryable,
  f: { today: string; owners?: readonly string[] },
): Promise<HeldMembershipRecord[]> {
  return selectRows<HeldMembershipRecord>(
    db,
    `SELECT m.id, m.group_id, g.name AS group_name, g.owner AS group_owner, m.person_id, p.name AS person_name,
       p.home_owner AS person_home_owner, m.role,
       m.start_date, m.end_date, m.version,
       d.id AS declaration_id, d.status AS declaration_status, d.submitted_at AS declaration_submitted_at,
       d.valid_until AS declaration_valid_until
     FROM memberships m
     JOIN groups g ON g.id = m.group_id
     JOIN persons p ON p.id = m.person_id
     LEFT JOIN LATERAL (
       SELECT id, status, submitted_at, valid_until FROM jav_declarations
       WHERE person_id = m.person_id ORDER BY submitted_at DESC, id LIMIT 1
     ) d ON true
     WHERE g.status = 'active' AND p.anonymised_at IS NULL
       AND m.start_date <= $1::date AND (m.end_date IS NULL OR m.end_date >= $1::date)
       AND ($2::text[] IS NULL OR g.owner = ANY($2::text[]))
       AND NOT EXISTS (
         SELECT 1 FROM memberships n
         WHERE n.group_id = m.group_id AND n.person_id = m.person_id AND n.role = m.role AND n.id <> m.id
           AND m.end_date IS NOT NULL AND n.start_date <= m.end_date + 1 AND (n.end_date IS NULL OR n.end_date > m.end_date)
       )
     ORDER BY m.end_date NULLS LAST, sv_key(g.name) COLLATE "C", sv_key(p.name) COLLATE "C", m.id`,
    [f.today, f.owners ? [...f.owners] : null],
  );
}

/** Claims a reminder; false when it was already sent (the caller then sends nothing). */
export async function claimReminder(tx: Queryable, kind: ReminderKind, itemId: string, thresholdDays: number): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO reminders_sent (kind, item_id, threshold_days) VALUES ($1, $2, $3)
     ON CONFLICT (kind, item_id, threshold_days) DO NOTHING RETURNING item_id`,
    [kind, itemId, thresholdDays],
  );
  return rows.length > 0;
}

export async function sentReminders(db: Queryable): Promise<{ kind: ReminderKind; itemId: string; thresholdDays: number }[]> {
  return selectRows(db, 'SELECT kind, item_id, threshold_days FROM reminders_sent');
}

export interface Recipient {
  email: string;
  name: string;
}

export async function personRecipient(tx: Queryable, personId: string): Promise<Recipient | undefined> {
  return (
    await tx.query<Recipient>('SELECT email, name FROM persons WHERE id = $1 AND email IS NOT NULL AND anonymised_at IS NULL', [
      personId,
    ])
  )[0];
}

/** The group's chairs holding the seat today. */
export async function chairsOf(tx: Queryable, groupId: string, today: string): Promise<Recipient[]> {
  return tx.query<Recipient>(
    `SELECT p.email, p.name FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = $1 AND m.role = 'ordforande' AND m.start_date <= $2::date
       AND (m.end_date IS NULL OR m.end_date >= $2::date) AND p.email IS NOT NULL AND p.anonymised_at IS NULL
     ORDER BY p.email`,
    [groupId, today],
  );
}

/**
 * Enabled users holding `role` at the owner's own scope (a region's county code or a
 * healthcare region's id); for national owners, and when `system` is set, at system scope.
 */
export async function usersWithRoleAt(
  tx: Queryable,
  role: string,
  owner: string,
  opts: { system?: boolean } = {},
): Promise<Recipient[]> {
  return tx.query<Recipient>(
    `SELECT DISTINCT u.email, u.name FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE r.role = $1 AND NOT u.disabled
       AND ((r.scope_type IN ('region', 'healthcare-region') AND r.scope_id = $2)
         OR (r.scope_type = 'system' AND ($2 = 'national' OR $3)))
     ORDER BY u.email`,
    [role, owner, opts.system ?? false],
  );
}

/** Enabled users signed in with these addresses (the in-app copy of a reminder goes to them). */
export async function usersByEmail(tx: Queryable, emails: readonly string[]): Promise<{ id: string; email: string }[]> {
  if (emails.length === 0) return [];
  return tx.query<{ id: string; email: string }>(
    'SELECT id, email FROM users WHERE lower(email) = ANY($1::text[]) AND NOT disabled ORDER BY email',
    [emails.map((e) => e.toLowerCase())],
  );
}
