import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { RetentionRule } from './schemas.js';

/** The only SQL for retention rules, register extracts and anonymisation. */

/** A retention rule as the API shows it. */
export type RetentionRuleRow = Static<typeof RetentionRule>;

export const listRetentionRules = (db: Queryable) =>
  selectRows<RetentionRuleRow>(
    db,
    `SELECT * FROM retention_rules ORDER BY array_position(ARRAY['person', 'membership', 'jav-declaration', 'compensation-claim',
       'compensation-participant', 'case', 'audit-event']::text[], record_type), record_type`,
  );

export async function getRetentionRule(db: Queryable, recordType: string, forUpdate = false) {
  return selectRow<RetentionRuleRow>(
    db,
    `SELECT * FROM retention_rules WHERE record_type = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [recordType],
  );
}

export async function updateRetentionRule(
  db: Queryable,
  recordType: string,
  version: number,
  r: { label: string; retentionYears: number | null; retention: string; legalBasis: string; disposition: string },
) {
  return selectRow<RetentionRuleRow>(
    db,
    `UPDATE retention_rules SET label = $3, retention_years = $4, retention = $5, legal_basis = $6, disposition = $7,
       version = version + 1, updated_at = now() WHERE record_type = $1 AND version = $2 RETURNING *`,
    [recordType, version, r.label, r.retentionYears, r.retention, r.legalBasis, r.disposition],
  );
}

/** Nominations belong to another module that may not exist yet in this deployment: read them only if it does. */
export async function nominationsOf(db: Queryable, personId: string): Promise<unknown[] | null> {
  const [has] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'nominations' AND column_name = 'person_id'`,
  );
  if (!has?.n) return null;
  const rows = await db.query<{ row: unknown }>('SELECT to_jsonb(n) AS row FROM nominations n WHERE n.person_id = $1', [
    personId,
  ]);
  return rows.map((r) => r.row);
}

/** An audit event as the register extract shows it. */
export interface AuditAbout {
  id: number;
  occurredAt: string;
  actor: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Audit events about the person and about their own records (declarations, memberships, claims, …). */
export function auditAbout(db: Queryable, entityIds: string[]) {
  return selectRows<AuditAbout>(
    db,
    `SELECT id, occurred_at, actor_label AS actor, entity_type, entity_id, action, before, after FROM audit_events
     WHERE entity_id = ANY($1::text[]) ORDER BY id`,
    [entityIds],
  );
}

export async function idsOf(db: Queryable, personId: string) {
  const q = (sql: string) => db.query<{ id: string }>(sql, [personId]).then((r) => r.map((x) => x.id));
  const [declarations, memberships, participants, assignments, claims] = await Promise.all([
    q('SELECT id::text AS id FROM jav_declarations WHERE person_id = $1'),
    q('SELECT id::text AS id FROM memberships WHERE person_id = $1'),
    q('SELECT id::text AS id FROM compensation_participants WHERE person_id = $1'),
    q(
      'SELECT a.id::text AS id FROM compensation_assignments a JOIN compensation_participants p ON p.id = a.participant_id WHERE p.person_id = $1',
    ),
    q('SELECT id::text AS id FROM compensation_claims WHERE person_id = $1'),
  ]);
  return { declarations, memberships, participants, assignments, claims };
}

/** Replaces the identifying fields; every other row stays where it is. */
export async function anonymisePersonRow(db: Queryable, id: string, version: number, name: string) {
  const rows = await db.query<{ id: string }>(
    `UPDATE persons SET name = $3, email = NULL, hsa_id = NULL, profession = NULL, anonymised_at = now(),
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND anonymised_at IS NULL RETURNING id`,
    [id, version, name],
  );
  return rows.length === 1;
}

export async function eraseParticipantNotes(db: Queryable, personId: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE compensation_participants SET notes = NULL, version = version + 1 WHERE person_id = $1 AND notes IS NOT NULL RETURNING id`,
    [personId],
  );
  return rows.length;
}
