import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { insertColumns, selectRow, selectRows, setColumns } from '../../platform/db/rows.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { CaseDetail, HistoryEvent, Transition } from './schemas.js';

/** The only SQL for the case register; action items, links and documents have their own files, re-exported here. */
export * from './action-repository.js';
export * from './classification-repository.js';
export * from './document-repository.js';
export * from './link-repository.js';

/**
 * A case as the API shows it. The queries select `c.*` (every column, camelCased) with
 * `region_code AS region`: a column added to `cases` reaches the response as soon as the response
 * schema names it, and the serializer writes only what the schema names.
 */
type CaseApi = Static<typeof CaseDetail>;
/** What the case page adds from the caller's permissions (policy.ts), not from the database. */
type CasePermissions =
  | 'allowedActions'
  | 'allowedTransitions'
  | 'locked'
  | 'canHandle'
  | 'canTriage'
  | 'canEscalate'
  | 'canChangeSecrecy'
  | 'canArchive';
/** The names the detail query joins in (DETAIL_SELECT); the other fields are the case's own columns. */
export const DETAIL_JOINED = [
  'assignedGroupName',
  'handlerName',
  'forumName',
  'mainCaseNumber',
  'openActions',
  'classificationCode',
  'classificationTitle',
] as const;

/** A case's own columns in API shape (the audit trail records these). */
/** `updatedAt` is not in the API's case, but every row carries it (the feeds and the register's `updatedSince` read it). */
export type CaseFlowRow = Omit<CaseApi, CasePermissions | (typeof DETAIL_JOINED)[number]> & { updatedAt: string };
/** A case with the names it refers to, for the case page. */
export type CaseDetailRow = Omit<CaseApi, CasePermissions>;

/** Every column of a case, camelCased, and the region under its API name. */
const CASE = '*, region_code AS region';

/**
 * The next number for a region and year. The upsert locks the counter row until the
 * registering transaction ends: concurrent registrations wait their turn, and a transaction
 * that rolls back leaves the counter where it was, so numbers have no gaps.
 */
export async function nextSequence(tx: Queryable, regionCode: string, year: number): Promise<number> {
  const [row] = await tx.query<{ last_sequence: number }>(
    `INSERT INTO case_sequences (region_code, year, last_sequence) VALUES ($1, $2, 1)
     ON CONFLICT (region_code, year) DO UPDATE SET last_sequence = case_sequences.last_sequence + 1
     RETURNING last_sequence`,
    [regionCode, year],
  );
  return row!.last_sequence;
}

export async function prefixOf(db: Queryable, regionCode: string): Promise<string | undefined> {
  return (await db.query<{ prefix: string }>('SELECT prefix FROM case_number_prefixes WHERE region_code = $1', [regionCode]))[0]
    ?.prefix;
}

/** The columns of a new case, camelCased: the registration's fields and what the use case counts. */
export interface NewCase {
  regionCode: string;
  year: number;
  sequence: number;
  caseNumber: string;
  registeredBy: string | null;
  [field: string]: unknown;
}

/** Inserts a case; every given field is written to its snake_case column. */
export async function insertCase(tx: Queryable, c: NewCase): Promise<CaseFlowRow> {
  const params: unknown[] = [];
  const cols = insertColumns(c, params);
  return (await selectRow<CaseFlowRow>(tx, `INSERT INTO cases ${cols.columns} VALUES ${cols.values} RETURNING ${CASE}`, params))!;
}

export async function listCases(
  db: Queryable,
  f: { regionCodes?: string[]; region?: string; year?: number; q?: string; after?: [number, number, string]; limit: number },
) {
  const w = new Filters();
  if (f.regionCodes) w.add('region_code = ANY(?::text[])', f.regionCodes);
  if (f.region) w.add('region_code = ?', f.region);
  if (f.year) w.add('year = ?', f.year);
  if (f.q) {
    // A pick list's search (issue 17): a secret case is found by its numbers, never by its subject.
    const like = `%${foldLike(f.q)}%`;
    w.add(
      `(sv_fold(case_number) LIKE ? OR sv_fold(COALESCE(diarienummer, '')) LIKE ? OR (NOT secret AND sv_fold(subject) LIKE ?))`,
      like,
      like,
      like,
    );
  }
  if (f.after) w.add('(year, sequence, region_code) < (?::int, ?::int, ?)', f.after[0], f.after[1], f.after[2]);
  const limit = w.param(f.limit + 1);
  return selectRows<CaseFlowRow>(
    db,
    `SELECT ${CASE} FROM cases ${w.where} ORDER BY year DESC, sequence DESC, region_code DESC LIMIT ${limit}`,
    w.params,
  );
}

export async function getCase(db: Queryable, id: string): Promise<CaseFlowRow | undefined> {
  return selectRow<CaseFlowRow>(db, `SELECT ${CASE} FROM cases WHERE id = $1`, [id]);
}

// ---- The case flow (migration 0011) ----

const DETAIL_SELECT = `SELECT c.*, c.region_code AS region, ag.name AS assigned_group_name, hp.name AS handler_name, fg.name AS forum_name,
    mc.case_number AS main_case_number, cl.code AS classification_code, cl.title AS classification_title,
    ca.id AS consultation_answer_id, cr.title AS consultation_round_title,
    (SELECT count(*) FROM case_actions a WHERE a.case_id = c.id AND a.status = 'open') AS open_actions
  FROM cases c
  LEFT JOIN groups ag ON ag.id = c.assigned_group_id
  LEFT JOIN persons hp ON hp.id = c.handler_person_id
  LEFT JOIN groups fg ON fg.id = c.forum_group_id
  LEFT JOIN cases mc ON mc.id = c.main_case_id
  LEFT JOIN case_classifications cl ON cl.id = c.classification_id
  -- The region's consultation answer registered with this case (a superseded one gives way to its successor).
  LEFT JOIN LATERAL (SELECT a.id, a.round_id FROM consultation_answers a WHERE a.case_id = c.id
                      ORDER BY (a.status = 'ersatt'), a.created_at DESC LIMIT 1) ca ON true
  LEFT JOIN consultation_rounds cr ON cr.id = ca.round_id`;

export async function getCaseDetail(db: Queryable, id: string): Promise<CaseDetailRow | undefined> {
  return selectRow<CaseDetailRow>(db, `${DETAIL_SELECT} WHERE c.id = $1`, [id]);
}

export async function lockCase(tx: Queryable, id: string): Promise<CaseFlowRow | undefined> {
  return selectRow<CaseFlowRow>(tx, `SELECT ${CASE} FROM cases WHERE id = $1 FOR UPDATE`, [id]);
}

export async function countOpenActions(db: Queryable, caseId: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM case_actions WHERE case_id = $1 AND status = 'open'`, [
    caseId,
  ]);
  return r?.n ?? 0;
}

export async function setStatus(
  tx: Queryable,
  id: string,
  to: string,
  f: { forumGroupId?: string | undefined; decisionRef?: string | undefined },
): Promise<CaseFlowRow> {
  const row = await selectRow<CaseFlowRow>(
    tx,
    `UPDATE cases SET status = $2,
       forum_group_id = COALESCE($3, forum_group_id),
       decision_ref = COALESCE($4, decision_ref),
       closed_at = CASE WHEN $2 = 'avslutad' THEN now() ELSE NULL END,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${CASE}`,
    [id, to, f.forumGroupId ?? null, f.decisionRef ?? null],
  );
  return row!;
}

export async function insertTransition(
  tx: Queryable,
  t: {
    caseId: string;
    from: string;
    to: string;
    kind: 'transition' | 'escalation' | 'bundle';
    reason: string | null;
    forumGroupId: string | null;
    decisionRef: string | null;
    actorUserId: string | null;
    actorLabel: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_transitions (case_id, from_status, to_status, kind, reason, forum_group_id, decision_ref, actor_user_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [t.caseId, t.from, t.to, t.kind, t.reason, t.forumGroupId, t.decisionRef, t.actorUserId, t.actorLabel],
  );
}

export type TransitionRow = Static<typeof Transition>;

export async function transitionsOf(db: Queryable, caseId: string): Promise<TransitionRow[]> {
  return selectRows<TransitionRow>(
    db,
    `SELECT t.id, t.from_status AS "from", t.to_status AS "to", t.kind, t.reason, t.forum_group_id, g.name AS forum_name,
       t.decision_ref, t.actor_label AS actor, t.at
     FROM case_transitions t LEFT JOIN groups g ON g.id = t.forum_group_id
     WHERE t.case_id = $1 ORDER BY t.seq`,
    [caseId],
  );
}

/** Writes the given fields (camelCase, each to its snake_case column) if the version still matches. */
/** Another case of the region that already carries this official diarienummer, if any. */
export async function caseWithDiarienummer(
  db: Queryable,
  regionCode: string,
  diarienummer: string,
  exceptId: string,
): Promise<{ id: string; caseNumber: string } | undefined> {
  return selectRow<{ id: string; caseNumber: string }>(
    db,
    'SELECT id, case_number FROM cases WHERE region_code = $1 AND diarienummer = $2 AND id <> $3',
    [regionCode, diarienummer, exceptId],
  );
}

export async function updateCaseFields(
  tx: Queryable,
  id: string,
  version: number,
  fields: Record<string, unknown>,
): Promise<CaseFlowRow | undefined> {
  const params: unknown[] = [id, version];
  const set = setColumns(fields, params);
  return selectRow<CaseFlowRow>(
    tx,
    `UPDATE cases SET ${set ? `${set}, ` : ''}version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${CASE}`,
    params,
  );
}

export async function setTriage(
  tx: Queryable,
  id: string,
  f: { forumGroupId: string | null; decisionPath: string; triageNote: string | null; mainCaseId: string | null },
): Promise<CaseFlowRow> {
  const row = await selectRow<CaseFlowRow>(
    tx,
    `UPDATE cases SET forum_group_id = $2, decision_path = $3, triage_note = $4, main_case_id = $5,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${CASE}`,
    [id, f.forumGroupId, f.decisionPath, f.triageNote, f.mainCaseId],
  );
  return row!;
}

export async function setForum(tx: Queryable, id: string, forumGroupId: string): Promise<CaseFlowRow> {
  const row = await selectRow<CaseFlowRow>(
    tx,
    `UPDATE cases SET forum_group_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${CASE}`,
    [id, forumGroupId],
  );
  return row!;
}

export async function bundledCases(db: Queryable, mainCaseId: string): Promise<CaseFlowRow[]> {
  return selectRows<CaseFlowRow>(db, `SELECT ${CASE} FROM cases WHERE main_case_id = $1 ORDER BY year, sequence`, [mainCaseId]);
}

export interface GroupRef {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string;
  status: string;
}

export async function getGroupRef(db: Queryable, id: string): Promise<GroupRef | undefined> {
  return (await db.query<GroupRef>('SELECT id, name, kind, level, owner, status FROM groups WHERE id = $1', [id]))[0];
}

export async function personExists(
  db: Queryable,
  id: string,
): Promise<{ id: string; name: string; email: string | null } | undefined> {
  return (
    await db.query<{ id: string; name: string; email: string | null }>('SELECT id, name, email FROM persons WHERE id = $1', [id])
  )[0];
}

/** Groups of a region that can take cases: decision forums and councils, and the groups that carry work out. */
export async function regionGroups(db: Queryable, regionCode: string): Promise<GroupRef[]> {
  return db.query<GroupRef>(
    `SELECT id, name, kind, level, owner, status FROM groups WHERE owner = $1 AND level = 'region' AND status = 'active'
     ORDER BY sv_key(name) COLLATE "C", id`,
    [regionCode],
  );
}

// ---- Triage queue, my cases, register view ----

export async function listByStatus(
  db: Queryable,
  f: { regionCodes: string[]; statuses: string[]; limit: number; after?: [number, number, string] | undefined },
): Promise<CaseDetailRow[]> {
  const w = new Filters();
  w.add('c.region_code = ANY(?::text[])', f.regionCodes);
  w.add('c.status = ANY(?::text[])', f.statuses);
  if (f.after) w.add('(c.year, c.sequence, c.region_code) > (?::int, ?::int, ?)', f.after[0], f.after[1], f.after[2]);
  const limit = w.param(f.limit + 1);
  return selectRows<CaseDetailRow>(
    db,
    `${DETAIL_SELECT} ${w.where} ORDER BY c.year, c.sequence, c.region_code LIMIT ${limit}`,
    w.params,
  );
}

/**
 * Open cases a user handles (as the handler person, matched by e-mail), registered, or owns an
 * open action item in. Each of the three is found through its own index (migration 0045) and the
 * ids are united first: an OR across them made every request scan all cases.
 */
export async function casesOfUser(db: Queryable, email: string): Promise<CaseDetailRow[]> {
  return selectRows<CaseDetailRow>(
    db,
    `${DETAIL_SELECT}
     WHERE c.status <> 'avslutad' AND c.id IN (
       SELECT h.id FROM cases h WHERE h.handler_person_id IN (SELECT id FROM persons WHERE email = $1)
       UNION SELECT r.id FROM cases r WHERE r.registered_by IN (SELECT id FROM users WHERE email = $1)
       UNION SELECT a.case_id FROM case_actions a
             WHERE a.status = 'open' AND a.owner_person_id IN (SELECT id FROM persons WHERE email = $1))
     ORDER BY c.due_date NULLS LAST, c.year, c.sequence LIMIT 500`,
    [email],
  );
}

type RegisterFilter = { region: string; year?: number; updatedSince?: string; limit: number; after?: [number, number] };
export async function registerView(db: Queryable, f: RegisterFilter): Promise<CaseFlowRow[]> {
  const w = new Filters();
  w.add('region_code = ?', f.region);
  if (f.year) w.add('year = ?', f.year);
  if (f.updatedSince) w.add('updated_at >= ?::timestamptz', f.updatedSince);
  if (f.after) w.add('(year, sequence) < (?::int, ?::int)', f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return selectRows<CaseFlowRow>(
    db,
    `SELECT ${CASE} FROM cases ${w.where} ORDER BY year DESC, sequence DESC LIMIT ${limit}`,
    w.params,
  );
}

// ---- History ----

export type CaseAuditRow = Static<typeof HistoryEvent> & { id: number };

/** The audit trail of a case and of everything that hangs on it. */
export async function historyOf(db: Queryable, caseId: string): Promise<CaseAuditRow[]> {
  return selectRows<CaseAuditRow>(
    db,
    `SELECT e.id, e.occurred_at AS at, e.actor_label AS actor, e.entity_type, e.entity_id, e.action, e.after FROM audit_events e
     WHERE (e.entity_type = 'case' AND e.entity_id = $1)
        OR (e.entity_type = 'case-action' AND e.entity_id IN (SELECT id::text FROM case_actions WHERE case_id = $2))
        OR (e.entity_type = 'case-document' AND e.entity_id IN (SELECT id::text FROM case_documents WHERE case_id = $2))
     ORDER BY e.occurred_at, e.id LIMIT 1000`,
    [caseId, caseId],
  );
}

/**
 * The in-app notice in the shared notification list (table of the notifications module,
 * migration 0012), for the user signed in with that e-mail; once per dedupe key.
 */
export async function insertInAppNotice(
  tx: Queryable,
  n: { email: string; title: string; body: string; link: string; dedupeKey: string },
): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key)
     SELECT u.id, 'case.action-due', $2, $3, $4, $5 FROM users u WHERE u.email = $1 AND NOT u.disabled
     ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
    [n.email.toLowerCase(), n.title, n.body, n.link, n.dedupeKey],
  );
  return rows.length;
}

/** People a case in the region can be handed to or owned by: registered in the region or members of its groups. */
export async function regionPersons(db: Queryable, regionCode: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM persons p
     WHERE p.anonymised_at IS NULL AND (p.home_owner = $1 OR EXISTS (
       SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.person_id = p.id AND g.owner = $1))
     ORDER BY sv_key(p.name) COLLATE "C", p.id LIMIT 1000`,
    [regionCode],
  );
}

/** Undoes the bundled link when a case is re-triaged away from its main case. */
export async function deleteBundledLink(tx: Queryable, caseId: string, mainCaseId: string): Promise<void> {
  await tx.query(
    `DELETE FROM case_links WHERE case_id = $1 AND target_type = 'case' AND target_id = $2 AND relation = 'bundled'`,
    [caseId, mainCaseId],
  );
}
