import type { Queryable } from '../../platform/db/index.js';
import { Filters } from '../../platform/db/sql.js';

/** The only SQL for the case register. */

export interface CaseRow {
  id: string;
  region_code: string;
  year: number;
  sequence: number;
  case_number: string;
  subject: string;
  origin: string;
  sender: string;
  received_date: string;
  status: string;
  registered_by: string | null;
  registered_at: Date;
  version: number;
}

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

export async function insertCase(
  tx: Queryable,
  c: {
    regionCode: string;
    year: number;
    sequence: number;
    caseNumber: string;
    subject: string;
    origin: string;
    sender: string;
    receivedDate: string;
    registeredBy: string | null;
    secret?: boolean;
    secrecyGround?: string | null;
  },
): Promise<CaseFlowRow> {
  const [row] = await tx.query<CaseFlowRow>(
    `INSERT INTO cases (region_code, year, sequence, case_number, subject, origin, sender, received_date, registered_by, secret, secrecy_ground)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      c.regionCode,
      c.year,
      c.sequence,
      c.caseNumber,
      c.subject,
      c.origin,
      c.sender,
      c.receivedDate,
      c.registeredBy,
      c.secret ?? false,
      c.secrecyGround ?? null,
    ],
  );
  return row!;
}

export async function listCases(
  db: Queryable,
  f: { regionCodes?: string[]; region?: string; year?: number; after?: [number, number, string]; limit: number },
) {
  const w = new Filters();
  if (f.regionCodes) w.add('region_code = ANY(?::text[])', f.regionCodes);
  if (f.region) w.add('region_code = ?', f.region);
  if (f.year) w.add('year = ?', f.year);
  if (f.after) w.add('(year, sequence, region_code) < (?::int, ?::int, ?)', f.after[0], f.after[1], f.after[2]);
  const limit = w.param(f.limit + 1);
  return db.query<CaseRow>(
    `SELECT * FROM cases ${w.where} ORDER BY year DESC, sequence DESC, region_code DESC LIMIT ${limit}`,
    w.params,
  );
}

export async function getCase(db: Queryable, id: string): Promise<CaseRow | undefined> {
  return (await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]))[0];
}

// ---- The case flow (migration 0011) ----

export interface CaseFlowRow extends CaseRow {
  assigned_group_id: string | null;
  handler_person_id: string | null;
  due_date: string | null;
  forum_group_id: string | null;
  decision_path: string | null;
  triage_note: string | null;
  main_case_id: string | null;
  decision_ref: string | null;
  secret: boolean;
  secrecy_ground: string | null;
  closed_at: Date | null;
  updated_at: Date;
}

/** A case with the names it refers to, for the case page. */
export interface CaseDetailRow extends CaseFlowRow {
  assigned_group_name: string | null;
  handler_name: string | null;
  forum_name: string | null;
  main_case_number: string | null;
  open_actions: number;
}

const DETAIL_SELECT = `SELECT c.*, ag.name AS assigned_group_name, hp.name AS handler_name, fg.name AS forum_name,
    mc.case_number AS main_case_number,
    (SELECT count(*) FROM case_actions a WHERE a.case_id = c.id AND a.status = 'open') AS open_actions
  FROM cases c
  LEFT JOIN groups ag ON ag.id = c.assigned_group_id
  LEFT JOIN persons hp ON hp.id = c.handler_person_id
  LEFT JOIN groups fg ON fg.id = c.forum_group_id
  LEFT JOIN cases mc ON mc.id = c.main_case_id`;

export async function getCaseDetail(db: Queryable, id: string): Promise<CaseDetailRow | undefined> {
  return (await db.query<CaseDetailRow>(`${DETAIL_SELECT} WHERE c.id = $1`, [id]))[0];
}

export async function lockCase(tx: Queryable, id: string): Promise<CaseFlowRow | undefined> {
  return (await tx.query<CaseFlowRow>('SELECT * FROM cases WHERE id = $1 FOR UPDATE', [id]))[0];
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
  const [row] = await tx.query<CaseFlowRow>(
    `UPDATE cases SET status = $2,
       forum_group_id = COALESCE($3, forum_group_id),
       decision_ref = COALESCE($4, decision_ref),
       closed_at = CASE WHEN $2 = 'avslutad' THEN now() ELSE NULL END,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
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

export interface TransitionRow {
  id: string;
  case_id: string;
  from_status: string;
  to_status: string;
  kind: string;
  reason: string | null;
  forum_group_id: string | null;
  forum_name: string | null;
  decision_ref: string | null;
  actor_label: string;
  at: Date;
}

export async function transitionsOf(db: Queryable, caseId: string): Promise<TransitionRow[]> {
  return db.query<TransitionRow>(
    `SELECT t.*, g.name AS forum_name FROM case_transitions t LEFT JOIN groups g ON g.id = t.forum_group_id
     WHERE t.case_id = $1 ORDER BY t.seq`,
    [caseId],
  );
}

export async function updateCaseFields(
  tx: Queryable,
  id: string,
  version: number,
  f: {
    subject: string;
    sender: string;
    origin: string;
    secret: boolean;
    secrecyGround: string | null;
    assignedGroupId: string | null;
    handlerPersonId: string | null;
    dueDate: string | null;
  },
): Promise<CaseFlowRow | undefined> {
  return (
    await tx.query<CaseFlowRow>(
      `UPDATE cases SET subject = $3, sender = $4, origin = $5, secret = $6, secrecy_ground = $7,
         assigned_group_id = $8, handler_person_id = $9, due_date = $10, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, f.subject, f.sender, f.origin, f.secret, f.secrecyGround, f.assignedGroupId, f.handlerPersonId, f.dueDate],
    )
  )[0];
}

export async function setTriage(
  tx: Queryable,
  id: string,
  f: { forumGroupId: string | null; decisionPath: string; triageNote: string | null; mainCaseId: string | null },
): Promise<CaseFlowRow> {
  const [row] = await tx.query<CaseFlowRow>(
    `UPDATE cases SET forum_group_id = $2, decision_path = $3, triage_note = $4, main_case_id = $5,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, f.forumGroupId, f.decisionPath, f.triageNote, f.mainCaseId],
  );
  return row!;
}

export async function setForum(tx: Queryable, id: string, forumGroupId: string): Promise<CaseFlowRow> {
  const [row] = await tx.query<CaseFlowRow>(
    'UPDATE cases SET forum_group_id = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
    [id, forumGroupId],
  );
  return row!;
}

export async function bundledCases(db: Queryable, mainCaseId: string): Promise<CaseFlowRow[]> {
  return db.query<CaseFlowRow>('SELECT * FROM cases WHERE main_case_id = $1 ORDER BY year, sequence', [mainCaseId]);
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
  return db.query<CaseDetailRow>(
    `${DETAIL_SELECT} ${w.where} ORDER BY c.year, c.sequence, c.region_code LIMIT ${limit}`,
    w.params,
  );
}

/** Open cases a user handles (as the handler person, matched by e-mail) or owns an open action item in. */
export async function casesOfUser(db: Queryable, email: string): Promise<CaseDetailRow[]> {
  return db.query<CaseDetailRow>(
    `${DETAIL_SELECT}
     WHERE c.status <> 'avslutad' AND (
       hp.email = $1 OR c.registered_by IN (SELECT id FROM users WHERE email = $1)
       OR EXISTS (SELECT 1 FROM case_actions a JOIN persons p ON p.id = a.owner_person_id
                  WHERE a.case_id = c.id AND a.status = 'open' AND p.email = $1))
     ORDER BY c.due_date NULLS LAST, c.year, c.sequence LIMIT 500`,
    [email],
  );
}

export async function registerView(
  db: Queryable,
  f: { region: string; year?: number | undefined; limit: number; after?: [number, number] | undefined },
): Promise<CaseFlowRow[]> {
  const w = new Filters();
  w.add('region_code = ?', f.region);
  if (f.year) w.add('year = ?', f.year);
  if (f.after) w.add('(year, sequence) < (?::int, ?::int)', f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return db.query<CaseFlowRow>(`SELECT * FROM cases ${w.where} ORDER BY year DESC, sequence DESC LIMIT ${limit}`, w.params);
}

// ---- Action items ----

export interface ActionRow {
  id: string;
  case_id: string;
  title: string;
  owner_person_id: string | null;
  owner_name: string | null;
  owner_person_name: string | null;
  due_date: string | null;
  status: 'open' | 'done';
  done_at: Date | null;
  source_meeting_id: string | null;
  source_paragraph_id: string | null;
  created_at: Date;
  version: number;
}

const ACTION_SELECT = `SELECT a.*, p.name AS owner_person_name FROM case_actions a LEFT JOIN persons p ON p.id = a.owner_person_id`;

export async function insertAction(
  tx: Queryable,
  a: {
    caseId: string;
    title: string;
    ownerPersonId: string | null;
    ownerName: string | null;
    dueDate: string | null;
    sourceMeetingId: string | null;
    sourceParagraphId: string | null;
    createdBy: string | null;
  },
): Promise<ActionRow> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO case_actions (case_id, title, owner_person_id, owner_name, due_date, source_meeting_id, source_paragraph_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.caseId, a.title, a.ownerPersonId, a.ownerName, a.dueDate, a.sourceMeetingId, a.sourceParagraphId, a.createdBy],
  );
  return (await getAction(tx, row!.id))!;
}

export async function findActionFromSource(tx: Queryable, caseId: string, paragraphId: string, title: string) {
  return (
    await tx.query<{ id: string }>('SELECT id FROM case_actions WHERE case_id = $1 AND source_paragraph_id = $2 AND title = $3', [
      caseId,
      paragraphId,
      title,
    ])
  )[0];
}

export async function getAction(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActionRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT 1 FROM case_actions WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = $1`, [id]))[0];
}

export async function actionsOf(db: Queryable, caseId: string): Promise<ActionRow[]> {
  return db.query<ActionRow>(
    `${ACTION_SELECT} WHERE a.case_id = $1 ORDER BY a.status DESC, a.due_date NULLS LAST, a.created_at, a.id`,
    [caseId],
  );
}

export async function setActionStatus(tx: Queryable, id: string, version: number, done: boolean, by: string | null) {
  return (
    await tx.query<{ id: string }>(
      `UPDATE case_actions SET status = $3, done_at = CASE WHEN $3 = 'done' THEN now() ELSE NULL END,
         done_by = CASE WHEN $3 = 'done' THEN $4::uuid ELSE NULL END, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, done ? 'done' : 'open', by],
    )
  )[0];
}

/** Open action items due on or before a date that have not had their notice for that due date. */
export async function dueActions(db: Queryable, onOrBefore: string) {
  return db.query<{
    id: string;
    case_id: string;
    title: string;
    due_date: string;
    case_number: string;
    subject: string;
    secret: boolean;
    owner_person_id: string | null;
    owner_email: string | null;
    owner_label: string | null;
    handler_email: string | null;
    handler_name: string | null;
  }>(
    `SELECT a.id, a.case_id, a.title, a.due_date, c.case_number, c.subject, c.secret, a.owner_person_id,
       op.email AS owner_email, COALESCE(op.name, a.owner_name) AS owner_label, hp.email AS handler_email, hp.name AS handler_name
     FROM case_actions a JOIN cases c ON c.id = a.case_id
     LEFT JOIN persons op ON op.id = a.owner_person_id
     LEFT JOIN persons hp ON hp.id = c.handler_person_id
     WHERE a.status = 'open' AND a.due_date IS NOT NULL AND a.due_date <= $1
       AND NOT EXISTS (SELECT 1 FROM case_action_notices n WHERE n.action_id = a.id AND n.due_date = a.due_date)
     ORDER BY a.due_date, a.id`,
    [onOrBefore],
  );
}

/** Claims the notice for an action item and due date; false when another run already sent it. */
export async function claimNotice(tx: Queryable, actionId: string, dueDate: string, personId: string | null): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO case_action_notices (action_id, due_date, person_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING action_id`,
    [actionId, dueDate, personId],
  );
  return rows.length === 1;
}

/** In-app notices for a user: due action items they own or handle the case of. */
export async function noticesOf(db: Queryable, email: string) {
  return db.query<{ action_id: string; case_id: string; title: string; due_date: string; case_number: string; sent_at: Date }>(
    `SELECT n.action_id, a.case_id, a.title, n.due_date, c.case_number, n.sent_at
     FROM case_action_notices n JOIN case_actions a ON a.id = n.action_id JOIN cases c ON c.id = a.case_id
     LEFT JOIN persons op ON op.id = a.owner_person_id LEFT JOIN persons hp ON hp.id = c.handler_person_id
     WHERE a.status = 'open' AND (op.email = $1 OR hp.email = $1)
     ORDER BY n.due_date, a.id LIMIT 200`,
    [email],
  );
}

// ---- Links ----

export interface LinkRow {
  id: string;
  case_id: string;
  target_type: string;
  target_id: string;
  relation: string;
  note: string | null;
  created_at: Date;
  target_case_number: string | null;
  target_subject: string | null;
  target_secret: boolean | null;
}

/** Links in both directions for cases (a link from B to A shows on A too). */
export async function linksOf(db: Queryable, caseId: string): Promise<LinkRow[]> {
  return db.query<LinkRow>(
    `SELECT l.id, l.case_id, l.target_type, l.target_id, l.relation, l.note, l.created_at,
       t.case_number AS target_case_number, t.subject AS target_subject, t.secret AS target_secret
     FROM case_links l LEFT JOIN cases t ON l.target_type = 'case' AND t.id = l.target_id
     WHERE l.case_id = $1
     UNION ALL
     SELECT l.id, l.target_id, 'case', l.case_id, l.relation, l.note, l.created_at, s.case_number, s.subject, s.secret
     FROM case_links l JOIN cases s ON s.id = l.case_id
     WHERE l.target_type = 'case' AND l.target_id = $1
     ORDER BY created_at, id`,
    [caseId],
  );
}

export async function insertLink(
  tx: Queryable,
  l: { caseId: string; targetType: string; targetId: string; relation: string; note: string | null; createdBy: string | null },
): Promise<{ id: string } | undefined> {
  return (
    await tx.query<{ id: string }>(
      `INSERT INTO case_links (case_id, target_type, target_id, relation, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, target_type, target_id) DO NOTHING RETURNING id`,
      [l.caseId, l.targetType, l.targetId, l.relation, l.note, l.createdBy],
    )
  )[0];
}

export async function getLink(db: Queryable, id: string) {
  return (
    await db.query<{ id: string; case_id: string; target_type: string; target_id: string; relation: string }>(
      'SELECT id, case_id, target_type, target_id, relation FROM case_links WHERE id = $1',
      [id],
    )
  )[0];
}

export async function deleteLink(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM case_links WHERE id = $1', [id]);
}

// ---- Documents ----

export interface DocumentMetaRow {
  id: string;
  case_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by_label: string;
  uploaded_at: Date;
}

const DOC_META = 'id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by_label, uploaded_at';

export async function insertDocument(
  tx: Queryable,
  d: {
    caseId: string;
    fileName: string;
    contentType: string;
    sha256: string;
    content: Uint8Array;
    uploadedBy: string | null;
    uploadedByLabel: string;
  },
): Promise<DocumentMetaRow> {
  const [row] = await tx.query<DocumentMetaRow>(
    `INSERT INTO case_documents (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_by_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DOC_META}`,
    [d.caseId, d.fileName, d.contentType, d.content.byteLength, d.sha256, d.content, d.uploadedBy, d.uploadedByLabel],
  );
  return row!;
}

export async function documentsOf(db: Queryable, caseId: string): Promise<DocumentMetaRow[]> {
  return db.query<DocumentMetaRow>(`SELECT ${DOC_META} FROM case_documents WHERE case_id = $1 ORDER BY uploaded_at, id`, [
    caseId,
  ]);
}

export async function getDocument(db: Queryable, id: string) {
  return (
    await db.query<DocumentMetaRow & { content: Uint8Array }>(`SELECT ${DOC_META}, content FROM case_documents WHERE id = $1`, [
      id,
    ])
  )[0];
}

// ---- History ----

export interface CaseAuditRow {
  id: number;
  at: Date;
  actor_label: string;
  entity_type: string;
  entity_id: string;
  action: string;
  after: unknown;
}

/** The audit trail of a case and of everything that hangs on it. */
export async function historyOf(db: Queryable, caseId: string): Promise<CaseAuditRow[]> {
  return db.query<CaseAuditRow>(
    `SELECT e.id, e.occurred_at AS at, e.actor_label, e.entity_type, e.entity_id, e.action, e.after FROM audit_events e
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
