import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { LocalAdditionKind, LocalAdditionStatus } from './rules/vocabulary.js';
import type { LocalAddition } from './schemas.js';

/** The SQL of regional additions and local routines, and of the LPOs and web editors who own them. */

/** A local addition as the API shows it, less the caller's permissions. */
export type LocalAdditionRow = Omit<Static<typeof LocalAddition>, 'mayEdit' | 'allowedActions' | 'kind' | 'status'> & {
  kind: LocalAdditionKind;
  status: LocalAdditionStatus;
};

const SELECT_ADDITION = `SELECT a.*, g.name AS owner_group_name, r.name AS region_name
  FROM knowledge_local_additions a JOIN groups g ON g.id = a.owner_group_id JOIN regions r ON r.code = a.region_code`;

export async function localAdditionsOf(db: Queryable, supportId: string): Promise<LocalAdditionRow[]> {
  return selectRows<LocalAdditionRow>(
    db,
    `${SELECT_ADDITION} WHERE a.support_id = $1 ORDER BY a.region_code, sv_key(a.title) COLLATE "C", a.id`,
    [supportId],
  );
}

export async function getLocalAddition(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LocalAdditionRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM knowledge_local_additions WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<LocalAdditionRow>(db, `${SELECT_ADDITION} WHERE a.id = $1`, [id]);
}

export interface LocalAdditionWrite {
  kind: string;
  title: string;
  body: string | null;
  url: string | null;
  status: string;
  reviewDate: string | null;
}

export async function insertLocalAddition(
  db: Queryable,
  a: LocalAdditionWrite & { supportId: string; ownerGroupId: string; regionCode: string; isDemo: boolean },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO knowledge_local_additions (support_id, kind, owner_group_id, region_code, title, body, url, status, review_date, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [a.supportId, a.kind, a.ownerGroupId, a.regionCode, a.title, a.body, a.url, a.status, a.reviewDate, a.isDemo],
  );
  return row!.id;
}

export async function updateLocalAdditionRow(
  db: Queryable,
  id: string,
  version: number,
  a: LocalAdditionWrite,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE knowledge_local_additions SET kind = $3, title = $4, body = $5, url = $6, status = $7, review_date = $8,
       version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, a.kind, a.title, a.body, a.url, a.status, a.reviewDate],
  );
  return rows.length > 0;
}

/** Whether the person with this e-mail holds a seat as web editor in the group today. */
export async function isWebEditor(db: Queryable, email: string, groupId: string, today: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = $1 AND m.role = 'webbredaktor' AND p.email = lower($2) AND p.anonymised_at IS NULL
       AND m.start_date <= $3::date AND (m.end_date IS NULL OR m.end_date >= $3::date)`,
    [groupId, email, today],
  );
  return rows.length > 0;
}

/** Groups in which the user is web editor today (for the UI's owner picker). */
export async function webEditorGroups(db: Queryable, email: string, today: string): Promise<string[]> {
  const rows = await db.query<{ group_id: string }>(
    `SELECT DISTINCT m.group_id FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.role = 'webbredaktor' AND p.email = lower($1) AND p.anonymised_at IS NULL
       AND m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date)`,
    [email, today],
  );
  return rows.map((r) => r.group_id);
}

/** Active local program-area groups (LPOs), for choosing the owner of a local addition. */
export async function activeLpos(db: Queryable): Promise<{ id: string; name: string; owner: string }[]> {
  return db.query<{ id: string; name: string; owner: string }>(
    `SELECT id, name, owner FROM groups WHERE kind = 'program-area' AND level = 'region' AND status = 'active'
     ORDER BY owner, sv_key(name) COLLATE "C", id`,
  );
}
