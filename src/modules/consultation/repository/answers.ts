import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows, setColumns } from '../../../platform/db/rows.js';
import { Filters } from '../../../platform/db/sql.js';
import type { AnswerStatus } from '../rules/answer-lifecycle.js';
import type { MilestoneKind } from '../rules/milestones.js';
import type { Answer, Comment, MilestoneState, Section } from '../schemas.js';

/**
 * Answers, their routing, milestones, sections and comments, read in API shape (platform/db/rows.ts):
 * records typed by the response schemas, columns aliased where the API names them differently.
 */
type AnswerApi = Static<typeof Answer>;

/** An answer's own fields as the API shows them, with the ids and stamps the presenter and the policy read. */
export type AnswerRow = Pick<
  AnswerApi,
  | 'id'
  | 'roundId'
  | 'region'
  | 'regionName'
  | 'caseId'
  | 'caseNumber'
  | 'diarienummer'
  | 'status'
  | 'version'
  | 'leadGroupId'
  | 'preparedAt'
  | 'preparationNote'
  | 'decisionRef'
  | 'decidedOn'
  | 'sentOn'
  | 'sentNote'
  | 'supersedesAnswerId'
  | 'supersededReason'
> & {
  /** The lifecycle's status type (the schema's enum reads as a string). */
  status: AnswerStatus;
  /** The forums by id (the API names them: `beredningGroup`, `decisionGroup`). */
  beredningGroupId: string | null;
  decisionGroupId: string | null;
  /** When the lead said the draft was ready (the API says only whether: `draftReady`). */
  draftReadyAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Every column of an answer, camelCased, the region under its API name, and the case number and region name joined in. */
const ANSWER = `SELECT a.*, a.region_code AS region, c.case_number, rg.name AS region_name FROM consultation_answers a
  JOIN cases c ON c.id = a.case_id JOIN regions rg ON rg.code = a.region_code`;

export async function getAnswer(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<AnswerRow | undefined> {
  return selectRow<AnswerRow>(db, `${ANSWER} WHERE a.id = $1${opts.forUpdate ? ' FOR UPDATE OF a' : ''}`, [id]);
}

export async function liveAnswerFor(db: Queryable, roundId: string, region: string): Promise<AnswerRow | undefined> {
  return selectRow<AnswerRow>(db, `${ANSWER} WHERE a.round_id = $1 AND a.region_code = $2 AND a.status <> 'ersatt'`, [
    roundId,
    region,
  ]);
}

export async function listAnswers(
  db: Queryable,
  f: { regions?: string[]; roundId?: string; includeSuperseded?: boolean },
): Promise<AnswerRow[]> {
  const w = new Filters();
  if (f.regions) w.add('a.region_code = ANY(?::text[])', f.regions);
  if (f.roundId) w.add('a.round_id = ?', f.roundId);
  if (!f.includeSuperseded) w.add(`a.status <> 'ersatt'`);
  return selectRows<AnswerRow>(db, `${ANSWER} ${w.where} ORDER BY a.created_at DESC, a.id LIMIT 1000`, w.params);
}

/** Another live answer of the region that already carries this official diarienummer, if any. */
export async function answerWithDiarienummer(
  db: Queryable,
  region: string,
  diarienummer: string,
  exceptId: string,
): Promise<AnswerRow | undefined> {
  return selectRow<AnswerRow>(
    db,
    `${ANSWER} WHERE a.region_code = $1 AND a.diarienummer = $2 AND a.id <> $3 AND a.status <> 'ersatt'`,
    [region, diarienummer, exceptId],
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
    diarienummer?: string | null;
    createdBy: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO consultation_answers (round_id, region_code, case_id, status, beredning_group_id, decision_group_id,
       supersedes_answer_id, lead_group_id, created_by, is_demo, diarienummer)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
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
      a.diarienummer ?? null,
    ],
  );
  return row!.id;
}

/** The fields a step may write (camelCase; each goes to its snake_case column). */
export type AnswerSet = Partial<
  Record<
    | 'status'
    | 'leadGroupId'
    | 'beredningGroupId'
    | 'decisionGroupId'
    | 'draftReadyAt'
    | 'preparedAt'
    | 'preparationNote'
    | 'decisionRef'
    | 'decidedOn'
    | 'sentOn'
    | 'sentNote'
    | 'supersededReason'
    | 'diarienummer',
    unknown
  >
>;

/** Writes the given fields and moves the version on, if the version is still the expected one. */
export async function updateAnswer(db: Queryable, id: string, version: number, set: AnswerSet): Promise<boolean> {
  const params: unknown[] = [id, version];
  const assignments = setColumns(set, params);
  const rows = await db.query(
    `UPDATE consultation_answers SET ${assignments ? `${assignments}, ` : ''}version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    params,
  );
  return rows.length === 1;
}

/** A group the answer is routed to, as the answer's `groups` show it, with the answer it belongs to. */
export type RoutedGroupRow = AnswerApi['groups'][number] & { answerId: string };

export async function routedGroups(db: Queryable, answerIds: string[]): Promise<RoutedGroupRow[]> {
  if (!answerIds.length) return [];
  return selectRows<RoutedGroupRow>(
    db,
    `SELECT ag.answer_id, ag.group_id AS id, g.name, g.kind, ag.is_lead AS lead FROM consultation_answer_groups ag
     JOIN groups g ON g.id = ag.group_id
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

/** A milestone as the answer's `milestones` show it (before met and late are counted), with its answer and warning day. */
export type MilestoneRow = Pick<Static<typeof MilestoneState>, 'kind' | 'dueOn'> & {
  kind: MilestoneKind;
  answerId: string;
  warnedOn: string | null;
};

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
  return selectRows<MilestoneRow>(
    db,
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
): Promise<(MilestoneRow & Pick<AnswerRow, 'status' | 'draftReadyAt'>)[]> {
  return selectRows(
    db,
    `SELECT m.*, a.status, a.draft_ready_at FROM consultation_answer_milestones m JOIN consultation_answers a ON a.id = m.answer_id
     WHERE m.due_on < $1::date AND m.warned_on IS NULL AND a.status NOT IN ('beslutad', 'skickad', 'ersatt')
     ORDER BY m.due_on, m.answer_id`,
    [today],
  );
}

/** A section as the API shows it, with the answer it belongs to. */
export type SectionRow = Static<typeof Section> & { answerId: string };

/** A section's columns under their API names (`updated_by_label` is the API's `updatedBy`). */
const SECTION = 'id, answer_id, position, heading, body, updated_by_label AS updated_by, version, updated_at';

export async function sectionsOf(db: Queryable, answerId: string): Promise<SectionRow[]> {
  return selectRows<SectionRow>(
    db,
    `SELECT ${SECTION} FROM consultation_answer_sections WHERE answer_id = $1 ORDER BY position`,
    [answerId],
  );
}

export async function insertSection(db: Queryable, answerId: string, heading: string, body = ''): Promise<SectionRow> {
  const row = await selectRow<SectionRow>(
    db,
    `INSERT INTO consultation_answer_sections (answer_id, position, heading, body)
     VALUES ($1, COALESCE((SELECT max(position) FROM consultation_answer_sections WHERE answer_id = $1), 0) + 1, $2, $3)
     RETURNING ${SECTION}`,
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
  return selectRow<SectionRow>(
    db,
    `UPDATE consultation_answer_sections SET heading = $3, body = $4, updated_by_label = $5, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${SECTION}`,
    [id, version, s.heading, s.body, s.by],
  );
}

export async function getSection(db: Queryable, id: string): Promise<SectionRow | undefined> {
  return selectRow<SectionRow>(db, `SELECT ${SECTION} FROM consultation_answer_sections WHERE id = $1`, [id]);
}

/** A comment as the API shows it, with the answer it belongs to. */
export type CommentRow = Static<typeof Comment> & { answerId: string };

/** A comment's columns under their API names (the labels are the API's `author` and `respondedBy`). */
const COMMENT = `id, answer_id, section_id, body, author_label AS author, created_at, response,
  responded_by_label AS responded_by, responded_at, version`;

export async function commentsOf(db: Queryable, answerId: string): Promise<CommentRow[]> {
  return selectRows<CommentRow>(
    db,
    `SELECT ${COMMENT} FROM consultation_answer_comments WHERE answer_id = $1 ORDER BY created_at, id`,
    [answerId],
  );
}

export async function insertComment(
  db: Queryable,
  c: { answerId: string; sectionId: string; body: string; userId: string | null; label: string },
): Promise<CommentRow> {
  const row = await selectRow<CommentRow>(
    db,
    `INSERT INTO consultation_answer_comments (answer_id, section_id, body, author_user_id, author_label) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COMMENT}`,
    [c.answerId, c.sectionId, c.body, c.userId, c.label],
  );
  return row!;
}

export async function getComment(db: Queryable, id: string): Promise<CommentRow | undefined> {
  return selectRow<CommentRow>(db, `SELECT ${COMMENT} FROM consultation_answer_comments WHERE id = $1`, [id]);
}

export async function respondToComment(
  db: Queryable,
  id: string,
  version: number,
  response: string,
  by: string,
): Promise<CommentRow | undefined> {
  return selectRow<CommentRow>(
    db,
    `UPDATE consultation_answer_comments SET response = $3, responded_by_label = $4, responded_at = now(), version = version + 1
     WHERE id = $1 AND version = $2 RETURNING ${COMMENT}`,
    [id, version, response, by],
  );
}
