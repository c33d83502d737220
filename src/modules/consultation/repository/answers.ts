import type { Queryable } from '../../../platform/db/index.js';
import type { AnswerStatus } from '../rules/answer-lifecycle.js';
import type { MilestoneKind } from '../rules/milestones.js';

export interface AnswerRow {
  id: string;
  round_id: string;
  region_code: string;
  case_id: string;
  case_number: string;
  status: AnswerStatus;
  lead_group_id: string | null;
  beredning_group_id: string | null;
  decision_group_id: string | null;
  draft_ready_at: Date | null;
  prepared_at: Date | null;
  preparation_note: string | null;
  decision_ref: string | null;
  decided_on: string | null;
  sent_on: string | null;
  sent_note: string | null;
  supersedes_answer_id: string | null;
  superseded_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  region_name: string;
}

const ANSWER = `SELECT a.*, c.case_number, rg.name AS region_name FROM consultation_answers a
  JOIN cases c ON c.id = a.case_id JOIN regions rg ON rg.code = a.region_code`;

export async function getAnswer(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<AnswerRow | undefined> {
  return (await db.query<AnswerRow>(`${ANSWER} WHERE a.id = $1${opts.forUpdate ? ' FOR UPDATE OF a' : ''}`, [id]))[0];
}

export async function liveAnswerFor(db: Queryable, roundId: string, region: string): Promise<AnswerRow | undefined> {
  return (
    await db.query<AnswerRow>(`${ANSWER} WHERE a.round_id = $1 AND a.region_code = $2 AND a.status <> 'ersatt'`, [
      roundId,
      region,
    ])
  )[0];
}

export async function listAnswers(
  db: Queryable,
  f: { regions?: string[]; roundId?: string; includeSuperseded?: boolean },
): Promise<AnswerRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.regions) {
    params.push(f.regions);
    where.push(`a.region_code = ANY($${params.length}::text[])`);
  }
  if (f.roundId) {
    params.push(f.roundId);
    where.push(`a.round_id = $${params.length}`);
  }
  if (!f.includeSuperseded) where.push(`a.status <> 'ersatt'`);
  return db.query<AnswerRow>(
    `${ANSWER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.created_at DESC, a.id LIMIT 1000`,
    params,
  );
}

export async function insertAnswer(
  db: Queryable,
  a: {
    roundId: string;
    region: string;
    caseId: string;
    status: AnswerStatus;
    beredningGroupId: string | null;
    decisionGroupId: string | null;
    supersedes?: string;
    leadGroupId?: string | null;
    createdBy: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO consultation_answers (round_id, region_code, case_id, status, beredning_group_id, decision_group_id,
       supersedes_answer_id, lead_group_id, created_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      a.roundId,
      a.region,
      a.caseId,
      a.status,
      a.beredningGroupId,
      a.decisionGroupId,
      a.supersedes ?? null,
      a.leadGroupId ?? null,
      a.createdBy,
      a.isDemo ?? false,
    ],
  );
  return row!.id;
}

/** The columns a step may write. */
export type AnswerSet = Partial<
  Record<
    | 'status'
    | 'lead_group_id'
    | 'beredning_group_id'
    | 'decision_group_id'
    | 'draft_ready_at'
    | 'prepared_at'
    | 'preparation_note'
    | 'decision_ref'
    | 'decided_on'
    | 'sent_on'
    | 'sent_note'
    | 'superseded_reason',
    unknown
  >
>;

/** Writes the given columns and moves the version on, if the version is still the expected one. */
export async function updateAnswer(db: Queryable, id: string, version: number, set: AnswerSet): Promise<boolean> {
  const cols = Object.keys(set);
  const params: unknown[] = [id, version, ...cols.map((c) => set[c as keyof typeof set])];
  const assignments = cols.map((c, i) => `${c} = $${i + 3}`);
  const rows = await db.query(
    `UPDATE consultation_answers SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 AND version = $2 RETURNING id`,
    params,
  );
  return rows.length === 1;
}

export interface RoutedGroupRow {
  group_id: string;
  is_lead: boolean;
  name: string;
  kind: string;
}

export async function routedGroups(db: Queryable, answerIds: string[]): Promise<(RoutedGroupRow & { answer_id: string })[]> {
  if (!answerIds.length) return [];
  return db.query(
    `SELECT ag.answer_id, ag.group_id, ag.is_lead, g.name, g.kind FROM consultation_answer_groups ag JOIN groups g ON g.id = ag.group_id
     WHERE ag.answer_id = ANY($1::uuid[]) ORDER BY ag.is_lead DESC, sv_key(g.name) COLLATE "C", g.id`,
    [answerIds],
  );
}

export async function setRouting(db: Queryable, answerId: string, groupIds: string[], leadGroupId: string): Promise<void> {
  await db.query('DELETE FROM consultation_answer_groups WHERE answer_id = $1', [answerId]);
  for (const g of groupIds) {
    await db.query('INSERT INTO consultation_answer_groups (answer_id, group_id, is_lead) VALUES ($1, $2, $3)', [
      answerId,
      g,
      g === leadGroupId,
    ]);
  }
}

export interface GroupBrief {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string;
  status: string;
  /** Whether the group is active (the organisation's lifecycle, asked in SQL). */
  active: boolean;
}

export async function groupsByIds(db: Queryable, ids: string[]): Promise<GroupBrief[]> {
  if (!ids.length) return [];
  return db.query<GroupBrief>(
    `SELECT id, name, kind, level, owner, status, status = 'active' AS active FROM groups WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

export async function groupsOfOwner(db: Queryable, owner: string): Promise<GroupBrief[]> {
  return db.query<GroupBrief>(
    `SELECT id, name, kind, level, owner, status, status = 'active' AS active FROM groups WHERE owner = $1 AND status = 'active' ORDER BY sv_key(name) COLLATE "C", id`,
    [owner],
  );
}

export interface MilestoneRow {
  answer_id: string;
  kind: MilestoneKind;
  due_on: string;
  warned_on: string | null;
}

export async function setMilestones(
  db: Queryable,
  answerId: string,
  ms: { kind: MilestoneKind; dueOn: string }[],
): Promise<void> {
  for (const m of ms) {
    await db.query(
      `INSERT INTO consultation_answer_milestones (answer_id, kind, due_on) VALUES ($1, $2, $3)
       ON CONFLICT (answer_id, kind) DO UPDATE SET due_on = EXCLUDED.due_on`,
      [answerId, m.kind, m.dueOn],
    );
  }
}

export async function milestonesOf(db: Queryable, answerIds: string[]): Promise<MilestoneRow[]> {
  if (!answerIds.length) return [];
  return db.query<MilestoneRow>(
    'SELECT * FROM consultation_answer_milestones WHERE answer_id = ANY($1::uuid[]) ORDER BY due_on, kind',
    [answerIds],
  );
}

/** Claims the warning of a late milestone for a day; false when someone already did. */
export async function claimWarning(db: Queryable, answerId: string, kind: MilestoneKind, today: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_answer_milestones SET warned_on = $3 WHERE answer_id = $1 AND kind = $2 AND warned_on IS NULL RETURNING kind`,
    [answerId, kind, today],
  );
  return rows.length === 1;
}

export async function lateCandidates(
  db: Queryable,
  today: string,
): Promise<(MilestoneRow & { status: AnswerStatus; draft_ready_at: Date | null })[]> {
  return db.query(
    `SELECT m.*, a.status, a.draft_ready_at FROM consultation_answer_milestones m JOIN consultation_answers a ON a.id = m.answer_id
     WHERE m.due_on < $1::date AND m.warned_on IS NULL AND a.status NOT IN ('beslutad', 'skickad', 'ersatt')
     ORDER BY m.due_on, m.answer_id`,
    [today],
  );
}

export interface SectionRow {
  id: string;
  answer_id: string;
  position: number;
  heading: string;
  body: string;
  updated_by_label: string | null;
  version: number;
  updated_at: Date;
}

export async function sectionsOf(db: Queryable, answerId: string): Promise<SectionRow[]> {
  return db.query<SectionRow>('SELECT * FROM consultation_answer_sections WHERE answer_id = $1 ORDER BY position', [answerId]);
}

export async function insertSection(db: Queryable, answerId: string, heading: string, body = ''): Promise<SectionRow> {
  const [row] = await db.query<SectionRow>(
    `INSERT INTO consultation_answer_sections (answer_id, position, heading, body)
     VALUES ($1, COALESCE((SELECT max(position) FROM consultation_answer_sections WHERE answer_id = $1), 0) + 1, $2, $3) RETURNING *`,
    [answerId, heading, body],
  );
  return row!;
}

export async function updateSection(
  db: Queryable,
  id: string,
  version: number,
  s: { heading: string; body: string; by: string },
): Promise<SectionRow | undefined> {
  return (
    await db.query<SectionRow>(
      `UPDATE consultation_answer_sections SET heading = $3, body = $4, updated_by_label = $5, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, s.heading, s.body, s.by],
    )
  )[0];
}

export async function getSection(db: Queryable, id: string): Promise<SectionRow | undefined> {
  return (await db.query<SectionRow>('SELECT * FROM consultation_answer_sections WHERE id = $1', [id]))[0];
}

export interface CommentRow {
  id: string;
  answer_id: string;
  section_id: string;
  body: string;
  author_label: string;
  response: string | null;
  responded_by_label: string | null;
  responded_at: Date | null;
  version: number;
  created_at: Date;
}

export async function commentsOf(db: Queryable, answerId: string): Promise<CommentRow[]> {
  return db.query<CommentRow>('SELECT * FROM consultation_answer_comments WHERE answer_id = $1 ORDER BY created_at, id', [
    answerId,
  ]);
}

export async function insertComment(
  db: Queryable,
  c: { answerId: string; sectionId: string; body: string; userId: string | null; label: string },
): Promise<CommentRow> {
  const [row] = await db.query<CommentRow>(
    `INSERT INTO consultation_answer_comments (answer_id, section_id, body, author_user_id, author_label) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [c.answerId, c.sectionId, c.body, c.userId, c.label],
  );
  return row!;
}

export async function getComment(db: Queryable, id: string): Promise<CommentRow | undefined> {
  return (await db.query<CommentRow>('SELECT * FROM consultation_answer_comments WHERE id = $1', [id]))[0];
}

export async function respondToComment(
  db: Queryable,
  id: string,
  version: number,
  response: string,
  by: string,
): Promise<CommentRow | undefined> {
  return (
    await db.query<CommentRow>(
      `UPDATE consultation_answer_comments SET response = $3, responded_by_label = $4, responded_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, response, by],
    )
  )[0];
}
