import type { Queryable } from '../../platform/db/index.js';
import type { AnswerStatus } from './rules/answer-lifecycle.js';
import type { JointStatus } from './rules/joint-lifecycle.js';
import type { MilestoneKind, Offsets } from './rules/milestones.js';
import type { Answers, Question } from './rules/survey.js';

/** The only SQL for regions' answers, surveys, milestones and joint answers. */

// ---- rounds (owned by the knowledge module; read here) ----

export interface RoundRow {
  id: string;
  title: string;
  track: 'synpunktsinhamtning' | 'oppen-remiss';
  opens_on: string;
  closes_on: string;
  status: string;
  sender: string;
  support_title: string | null;
  version_label: string | null;
}

const ROUND = `SELECT r.id, r.title, r.track, r.opens_on, r.closes_on, r.status, r.sender, s.title AS support_title, v.label AS version_label
  FROM consultation_rounds r
  LEFT JOIN knowledge_support_versions v ON v.id = r.support_version_id
  LEFT JOIN knowledge_supports s ON s.id = v.support_id`;

export async function getRound(db: Queryable, id: string): Promise<RoundRow | undefined> {
  return (await db.query<RoundRow>(`${ROUND} WHERE r.id = $1`, [id]))[0];
}

/** Rounds still open on a day (closing that day or later), soonest deadline first. */
export async function openRounds(db: Queryable, today: string): Promise<RoundRow[]> {
  return db.query<RoundRow>(
    `${ROUND} WHERE r.status = 'aktiv' AND r.closes_on >= $1::date ORDER BY r.closes_on, r.title, r.id LIMIT 500`,
    [today],
  );
}

// ---- settings ----

export interface SettingsRow {
  region_code: string;
  survey_closes_days: number;
  draft_ready_days: number;
  beredning_days: number;
  decision_days: number;
  beredning_group_id: string | null;
  decision_group_id: string | null;
  version: number;
}

export async function getSettings(db: Queryable, region: string): Promise<SettingsRow | undefined> {
  return (await db.query<SettingsRow>('SELECT * FROM consultation_settings WHERE region_code = $1', [region]))[0];
}

export const offsetsOf = (s: SettingsRow): Offsets => ({
  surveyClosesDays: s.survey_closes_days,
  draftReadyDays: s.draft_ready_days,
  beredningDays: s.beredning_days,
  decisionDays: s.decision_days,
});

export async function upsertSettings(
  db: Queryable,
  region: string,
  o: Offsets & { beredningGroupId: string | null; decisionGroupId: string | null },
  expectedVersion: number | null,
): Promise<SettingsRow | undefined> {
  const params = [
    region,
    o.surveyClosesDays,
    o.draftReadyDays,
    o.beredningDays,
    o.decisionDays,
    o.beredningGroupId,
    o.decisionGroupId,
  ];
  if (expectedVersion === null) {
    return (
      await db.query<SettingsRow>(
        `INSERT INTO consultation_settings (region_code, survey_closes_days, draft_ready_days, beredning_days, decision_days,
           beredning_group_id, decision_group_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (region_code) DO NOTHING RETURNING *`,
        params,
      )
    )[0];
  }
  return (
    await db.query<SettingsRow>(
      `UPDATE consultation_settings SET survey_closes_days = $2, draft_ready_days = $3, beredning_days = $4, decision_days = $5,
         beredning_group_id = $6, decision_group_id = $7, version = version + 1, updated_at = now()
       WHERE region_code = $1 AND version = $8 RETURNING *`,
      [...params, expectedVersion],
    )
  )[0];
}

// ---- answers ----

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

/** Writes the given columns and moves the version on, if the version is still the expected one. */
export async function updateAnswer(
  db: Queryable,
  id: string,
  version: number,
  set: Partial<
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
  >,
): Promise<boolean> {
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
}

export async function groupsByIds(db: Queryable, ids: string[]): Promise<GroupBrief[]> {
  if (!ids.length) return [];
  return db.query<GroupBrief>('SELECT id, name, kind, level, owner, status FROM groups WHERE id = ANY($1::uuid[])', [ids]);
}

export async function groupsOfOwner(db: Queryable, owner: string): Promise<GroupBrief[]> {
  return db.query<GroupBrief>(
    `SELECT id, name, kind, level, owner, status FROM groups WHERE owner = $1 AND status = 'active' ORDER BY sv_key(name) COLLATE "C", id`,
    [owner],
  );
}

// ---- milestones ----

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

// ---- sections and comments ----

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

// ---- surveys ----

export interface SurveyRow {
  id: string;
  answer_id: string;
  title: string;
  intro: string | null;
  questions: Question[];
  closes_on: string;
  status: 'oppen' | 'stangd';
  closed_at: Date | null;
  version: number;
  created_at: Date;
}

export interface RecipientRow {
  id: string;
  survey_id: string;
  unit: string;
  name: string | null;
  email: string | null;
  answers: Answers | null;
  responded_at: Date | null;
  created_at: Date;
}

export async function insertSurvey(
  db: Queryable,
  s: { answerId: string; title: string; intro: string | null; questions: Question[]; closesOn: string },
): Promise<SurveyRow> {
  const [row] = await db.query<SurveyRow>(
    `INSERT INTO consultation_surveys (answer_id, title, intro, questions, closes_on) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [s.answerId, s.title, s.intro, JSON.stringify(s.questions), s.closesOn],
  );
  return row!;
}

export async function getSurvey(db: Queryable, id: string): Promise<SurveyRow | undefined> {
  return (await db.query<SurveyRow>('SELECT * FROM consultation_surveys WHERE id = $1', [id]))[0];
}

export async function surveyOfAnswer(db: Queryable, answerId: string): Promise<SurveyRow | undefined> {
  return (await db.query<SurveyRow>('SELECT * FROM consultation_surveys WHERE answer_id = $1', [answerId]))[0];
}

export async function closeSurvey(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE consultation_surveys SET status = 'stangd', closed_at = now(), version = version + 1 WHERE id = $1 AND status = 'oppen'`,
    [id],
  );
}

export async function insertRecipient(
  db: Queryable,
  r: { surveyId: string; unit: string; name: string | null; email: string | null; tokenHash: string },
): Promise<RecipientRow> {
  const [row] = await db.query<RecipientRow>(
    `INSERT INTO consultation_survey_recipients (survey_id, unit, name, email, token_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, survey_id, unit, name, email, answers, responded_at, created_at`,
    [r.surveyId, r.unit, r.name, r.email, r.tokenHash],
  );
  return row!;
}

export async function recipientsOf(db: Queryable, surveyId: string): Promise<RecipientRow[]> {
  return db.query<RecipientRow>(
    `SELECT id, survey_id, unit, name, email, answers, responded_at, created_at FROM consultation_survey_recipients
     WHERE survey_id = $1 ORDER BY sv_key(unit) COLLATE "C", id`,
    [surveyId],
  );
}

export async function recipientByTokenHash(db: Queryable, tokenHash: string): Promise<RecipientRow | undefined> {
  return (
    await db.query<RecipientRow>(
      'SELECT id, survey_id, unit, name, email, answers, responded_at, created_at FROM consultation_survey_recipients WHERE token_hash = $1',
      [tokenHash],
    )
  )[0];
}

export async function saveResponse(db: Queryable, recipientId: string, answers: Answers): Promise<void> {
  await db.query('UPDATE consultation_survey_recipients SET answers = $2, responded_at = now() WHERE id = $1', [
    recipientId,
    JSON.stringify(answers),
  ]);
}

// ---- people to tell ----

export interface Recipient {
  email: string;
  name: string;
}

/** Group roles held through current memberships by the person with this e-mail. */
export async function membershipRoles(
  db: Queryable,
  email: string,
  today: string,
): Promise<{ group_id: string; role: string }[]> {
  return db.query(
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

// ---- joint answers ----

export interface JointRow {
  id: string;
  round_id: string;
  healthcare_region_id: string;
  healthcare_region_name: string;
  coordinating_group_id: string;
  coordinating_group_name: string;
  approving_group_id: string;
  approving_group_name: string;
  status: JointStatus;
  approval_ref: string | null;
  approved_on: string | null;
  sent_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const JOINT = `SELECT j.*, h.name AS healthcare_region_name, cg.name AS coordinating_group_name, ag.name AS approving_group_name
  FROM consultation_joint_answers j JOIN healthcare_regions h ON h.id = j.healthcare_region_id
  JOIN groups cg ON cg.id = j.coordinating_group_id JOIN groups ag ON ag.id = j.approving_group_id`;

export async function getJoint(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<JointRow | undefined> {
  return (await db.query<JointRow>(`${JOINT} WHERE j.id = $1${opts.forUpdate ? ' FOR UPDATE OF j' : ''}`, [id]))[0];
}

export async function jointsOfRounds(db: Queryable, roundIds: string[]): Promise<JointRow[]> {
  if (!roundIds.length) return [];
  return db.query<JointRow>(`${JOINT} WHERE j.round_id = ANY($1::uuid[]) ORDER BY j.healthcare_region_id`, [roundIds]);
}

export async function listJoints(db: Queryable): Promise<JointRow[]> {
  return db.query<JointRow>(`${JOINT} ORDER BY j.created_at DESC, j.id LIMIT 500`);
}

export async function insertJoint(
  db: Queryable,
  j: { roundId: string; healthcareRegionId: string; coordinatingGroupId: string; approvingGroupId: string; isDemo?: boolean },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO consultation_joint_answers (round_id, healthcare_region_id, coordinating_group_id, approving_group_id, is_demo)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [j.roundId, j.healthcareRegionId, j.coordinatingGroupId, j.approvingGroupId, j.isDemo ?? false],
  );
  return row!.id;
}

export async function updateJoint(
  db: Queryable,
  id: string,
  version: number,
  set: { status: JointStatus; approval_ref?: string; approved_on?: string; sent_on?: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_joint_answers SET status = $3, approval_ref = COALESCE($4, approval_ref), approved_on = COALESCE($5::date, approved_on),
       sent_on = COALESCE($6::date, sent_on), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, set.status, set.approval_ref ?? null, set.approved_on ?? null, set.sent_on ?? null],
  );
  return rows.length === 1;
}

export async function jointSectionsOf(db: Queryable, jointId: string): Promise<SectionRow[]> {
  return db.query<SectionRow>(
    `SELECT id, joint_answer_id AS answer_id, position, heading, body, updated_by_label, version, updated_at
     FROM consultation_joint_sections WHERE joint_answer_id = $1 ORDER BY position`,
    [jointId],
  );
}

export async function insertJointSection(db: Queryable, jointId: string, heading: string): Promise<void> {
  await db.query(
    `INSERT INTO consultation_joint_sections (joint_answer_id, position, heading)
     VALUES ($1, COALESCE((SELECT max(position) FROM consultation_joint_sections WHERE joint_answer_id = $1), 0) + 1, $2)`,
    [jointId, heading],
  );
}

export async function getJointSection(
  db: Queryable,
  id: string,
): Promise<(SectionRow & { joint_answer_id: string }) | undefined> {
  return (
    await db.query<SectionRow & { joint_answer_id: string }>(
      `SELECT id, joint_answer_id, joint_answer_id AS answer_id, position, heading, body, updated_by_label, version, updated_at
       FROM consultation_joint_sections WHERE id = $1`,
      [id],
    )
  )[0];
}

export async function updateJointSection(
  db: Queryable,
  id: string,
  version: number,
  s: { heading: string; body: string; by: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_joint_sections SET heading = $3, body = $4, updated_by_label = $5, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, s.heading, s.body, s.by],
  );
  return rows.length === 1;
}

export async function memberRegions(db: Queryable, healthcareRegionId: string): Promise<{ code: string; name: string }[]> {
  return db.query(
    `SELECT r.code, r.name FROM healthcare_region_members m JOIN regions r ON r.code = m.region_code
     WHERE m.healthcare_region_id = $1 ORDER BY sv_key(r.name) COLLATE "C", r.code`,
    [healthcareRegionId],
  );
}

export async function regionName(db: Queryable, code: string): Promise<string | undefined> {
  return (await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code]))[0]?.name;
}
