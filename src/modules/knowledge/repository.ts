import type { Queryable } from '../../platform/db/index.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { LifecycleState } from './rules/lifecycle.js';
import type { ConsequenceDimension, Significance } from './rules/vocabulary.js';

/** The only SQL for the knowledge-support catalogue. */

export interface SupportRow {
  id: string;
  type: string;
  title: string;
  status: LifecycleState;
  producer_kind: string;
  producer_group_id: string | null;
  producer_group_name: string | null;
  producer_name: string | null;
  sender: string | null;
  url: string | null;
  summary: string | null;
  target_groups: string[];
  next_revision_date: string | null;
  valid_from: string | null;
  valid_until: string | null;
  replaced_by_support_id: string | null;
  status_reason: string | null;
  is_demo: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  program_area_ids: string[];
  sort_key: string;
}

const SELECT_SUPPORT = `SELECT s.id, s.type, s.title, s.status, s.producer_kind, s.producer_group_id, g.name AS producer_group_name,
    s.producer_name, s.sender, s.url, s.summary, s.target_groups, s.next_revision_date, s.valid_from, s.valid_until,
    s.replaced_by_support_id, s.status_reason, s.is_demo, s.version, s.created_at, s.updated_at,
    sv_key(s.title) AS sort_key,
    COALESCE((SELECT array_agg(pa.program_area_id ORDER BY pa.program_area_id) FROM knowledge_support_program_areas pa
      WHERE pa.support_id = s.id), '{}') AS program_area_ids
  FROM knowledge_supports s LEFT JOIN groups g ON g.id = s.producer_group_id`;

export interface SupportFilter {
  q?: string;
  type?: string;
  programArea?: string;
  status?: string;
  producerKind?: string;
  producerGroupId?: string;
  after?: [string, string];
  limit: number;
}

/** Swedish words of a query, for full-text (stemmed) and prefix matching. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

const SUFFIXES = [
  'arnas',
  'ernas',
  'ornas',
  'arna',
  'erna',
  'orna',
  'ens',
  'ets',
  'ns',
  'en',
  'et',
  'an',
  'na',
  'ar',
  'er',
  'or',
  'n',
  'a',
  's',
];

/**
 * LIKE patterns for one (folded) word: the word itself and the word without a common Swedish
 * ending ("astman" → "astm", "vardforloppen" → "vardforlopp"), never shorter than four letters.
 */
export function likePatterns(folded: string): string[] {
  const stems = new Set([folded]);
  for (const suffix of SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 4) stems.add(folded.slice(0, -suffix.length));
  }
  return [...stems].map((x) => `%${x}%`);
}

/**
 * Search: every word must match, either through the Swedish stemmer (kunskapsstöden →
 * kunskapsstöd) or as a case- and diacritic-insensitive substring of the title, producer or
 * summary, also without a common ending (the stemmer misses forms such as "astman", and
 * people type prefixes: "vårdförl"). Stop words ("om", "och") match everything.
 */
export async function listSupports(db: Queryable, f: SupportFilter): Promise<SupportRow[]> {
  const w = new Filters();
  if (f.type) w.add('s.type = ?', f.type);
  if (f.status) w.add('s.status = ?', f.status);
  if (f.producerKind) w.add('s.producer_kind = ?', f.producerKind);
  if (f.producerGroupId) w.add('s.producer_group_id = ?::uuid', f.producerGroupId);
  if (f.programArea) {
    w.add(
      'EXISTS (SELECT 1 FROM knowledge_support_program_areas pa WHERE pa.support_id = s.id AND pa.program_area_id = ?)',
      f.programArea,
    );
  }
  for (const word of queryWords(f.q ?? '')) {
    const folded = foldLike(word);
    if (!folded) continue;
    w.add(
      `(s.search_vector @@ plainto_tsquery('swedish', ?)
        OR numnode(plainto_tsquery('swedish', ?)) = 0
        OR sv_fold(s.title || ' ' || coalesce(s.producer_name, '') || ' ' || coalesce(s.summary, '') || ' ' || coalesce(g.name, '')) LIKE ANY (?::text[]))`,
      word,
      word,
      likePatterns(folded),
    );
  }
  if (f.after) w.add(`(sv_key(s.title) COLLATE "C", s.id) > (? COLLATE "C", ?::uuid)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return db.query<SupportRow>(`${SELECT_SUPPORT} ${w.where} ORDER BY sv_key(s.title) COLLATE "C", s.id LIMIT ${limit}`, w.params);
}

export async function getSupport(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<SupportRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM knowledge_supports WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<SupportRow>(`${SELECT_SUPPORT} WHERE s.id = $1`, [id]))[0];
}

export async function getSupportsByIds(db: Queryable, ids: string[]): Promise<SupportRow[]> {
  if (ids.length === 0) return [];
  return db.query<SupportRow>(`${SELECT_SUPPORT} WHERE s.id = ANY($1::uuid[])`, [ids]);
}

export interface SupportWrite {
  type: string;
  title: string;
  producerKind: string;
  producerGroupId: string | null;
  producerName: string | null;
  sender: string | null;
  url: string | null;
  summary: string | null;
  targetGroups: string[];
  programAreaIds: string[];
  nextRevisionDate: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

export async function insertSupport(
  db: Queryable,
  s: SupportWrite & { status: LifecycleState; isDemo: boolean },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO knowledge_supports (type, title, status, producer_kind, producer_group_id, producer_name, sender, url, summary,
       target_groups, next_revision_date, valid_from, valid_until, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      s.type,
      s.title,
      s.status,
      s.producerKind,
      s.producerGroupId,
      s.producerName,
      s.sender,
      s.url,
      s.summary,
      s.targetGroups,
      s.nextRevisionDate,
      s.validFrom,
      s.validUntil,
      s.isDemo,
    ],
  );
  await setProgramAreas(db, row!.id, s.programAreaIds);
  return row!.id;
}

export async function updateSupportRow(db: Queryable, id: string, version: number, s: SupportWrite): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE knowledge_supports SET type = $3, title = $4, producer_kind = $5, producer_group_id = $6, producer_name = $7,
       sender = $8, url = $9, summary = $10, target_groups = $11, next_revision_date = $12, valid_from = $13, valid_until = $14,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      s.type,
      s.title,
      s.producerKind,
      s.producerGroupId,
      s.producerName,
      s.sender,
      s.url,
      s.summary,
      s.targetGroups,
      s.nextRevisionDate,
      s.validFrom,
      s.validUntil,
    ],
  );
  if (rows.length === 0) return false;
  await setProgramAreas(db, id, s.programAreaIds);
  return true;
}

async function setProgramAreas(db: Queryable, id: string, areas: string[]) {
  await db.query('DELETE FROM knowledge_support_program_areas WHERE support_id = $1', [id]);
  if (areas.length > 0) {
    await db.query(`INSERT INTO knowledge_support_program_areas (support_id, program_area_id) SELECT $1, unnest($2::text[])`, [
      id,
      [...new Set(areas)],
    ]);
  }
}

export async function setSupportStatus(
  db: Queryable,
  id: string,
  status: LifecycleState,
  extra: { reason?: string | null; replacedBy?: string | null } = {},
): Promise<void> {
  await db.query(
    `UPDATE knowledge_supports SET status = $2, status_reason = COALESCE($3, status_reason),
       replaced_by_support_id = COALESCE($4::uuid, replaced_by_support_id), version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, status, extra.reason ?? null, extra.replacedBy ?? null],
  );
}

export async function existingProgramAreas(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('SELECT id FROM program_areas WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function groupFacts(
  db: Queryable,
  id: string,
): Promise<
  { id: string; name: string; kind: string; level: string; owner: string; status: string; program_area_ids: string[] } | undefined
> {
  return (
    await db.query<{
      id: string;
      name: string;
      kind: string;
      level: string;
      owner: string;
      status: string;
      program_area_ids: string[];
    }>('SELECT id, name, kind, level, owner, status, program_area_ids FROM groups WHERE id = $1', [id])
  )[0];
}

// ---------------------------------------------------------------- versions

export interface VersionRow {
  id: string;
  support_id: string;
  label: string;
  status: LifecycleState;
  change_summary: string | null;
  url: string | null;
  decided_on: string | null;
  published_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function versionsOf(db: Queryable, supportId: string): Promise<VersionRow[]> {
  return db.query<VersionRow>('SELECT * FROM knowledge_support_versions WHERE support_id = $1 ORDER BY created_at, id', [
    supportId,
  ]);
}

export async function getVersion(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<VersionRow | undefined> {
  return (
    await db.query<VersionRow>(`SELECT * FROM knowledge_support_versions WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [
      id,
    ])
  )[0];
}

export interface VersionWrite {
  label: string;
  changeSummary: string | null;
  url: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

export async function insertVersion(
  db: Queryable,
  supportId: string,
  v: VersionWrite & { status: LifecycleState },
): Promise<VersionRow> {
  const [row] = await db.query<VersionRow>(
    `INSERT INTO knowledge_support_versions (support_id, label, status, change_summary, url, decided_on, published_on, valid_from, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [supportId, v.label, v.status, v.changeSummary, v.url, v.decidedOn, v.publishedOn, v.validFrom, v.validUntil],
  );
  return row!;
}

export async function updateVersionRow(
  db: Queryable,
  id: string,
  version: number,
  v: VersionWrite,
): Promise<VersionRow | undefined> {
  return (
    await db.query<VersionRow>(
      `UPDATE knowledge_support_versions SET label = $3, change_summary = $4, url = $5, decided_on = $6, published_on = $7,
         valid_from = $8, valid_until = $9, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, v.label, v.changeSummary, v.url, v.decidedOn, v.publishedOn, v.validFrom, v.validUntil],
    )
  )[0];
}

export async function setVersionStatus(
  db: Queryable,
  id: string,
  status: LifecycleState,
  dates: { decidedOn?: string; publishedOn?: string } = {},
): Promise<VersionRow> {
  const [row] = await db.query<VersionRow>(
    `UPDATE knowledge_support_versions SET status = $2, decided_on = COALESCE($3::date, decided_on),
       published_on = COALESCE($4::date, published_on), version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, status, dates.decidedOn ?? null, dates.publishedOn ?? null],
  );
  return row!;
}

export async function versionLabelTaken(
  db: Queryable,
  supportId: string,
  label: string,
  exceptId: string | null,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM knowledge_support_versions WHERE support_id = $1 AND lower(label) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)',
    [supportId, label, exceptId],
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- consequences

export interface ConsequenceRow {
  support_version_id: string;
  dimension: ConsequenceDimension;
  significance: Significance;
  text: string | null;
}

export async function consequencesOf(db: Queryable, versionIds: string[]): Promise<ConsequenceRow[]> {
  if (versionIds.length === 0) return [];
  return db.query<ConsequenceRow>(
    'SELECT support_version_id, dimension, significance, text FROM knowledge_consequences WHERE support_version_id = ANY($1::uuid[])',
    [versionIds],
  );
}

export async function setConsequences(
  db: Queryable,
  versionId: string,
  entries: { dimension: string; significance: string; text: string | null }[],
): Promise<void> {
  await db.query('DELETE FROM knowledge_consequences WHERE support_version_id = $1', [versionId]);
  for (const e of entries) {
    await db.query(
      'INSERT INTO knowledge_consequences (support_version_id, dimension, significance, text) VALUES ($1, $2, $3, $4)',
      [versionId, e.dimension, e.significance, e.text],
    );
  }
}

// ---------------------------------------------------------------- recommendations

export interface RecommendationRow {
  id: string;
  support_id: string;
  code: string | null;
  condition: string;
  measure: string;
  grade: 'prioritet' | 'icke-gora' | 'fou';
  priority: number | null;
  comment: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function recommendationsOf(db: Queryable, supportId: string): Promise<RecommendationRow[]> {
  return db.query<RecommendationRow>(
    `SELECT * FROM knowledge_recommendations WHERE support_id = $1
     ORDER BY CASE grade WHEN 'prioritet' THEN 0 WHEN 'fou' THEN 1 ELSE 2 END, priority NULLS LAST, code NULLS LAST, created_at, id`,
    [supportId],
  );
}

export async function getRecommendation(db: Queryable, id: string): Promise<RecommendationRow | undefined> {
  return (await db.query<RecommendationRow>('SELECT * FROM knowledge_recommendations WHERE id = $1 FOR UPDATE', [id]))[0];
}

export interface RecommendationWrite {
  code: string | null;
  condition: string;
  measure: string;
  grade: string;
  priority: number | null;
  comment: string | null;
}

export async function insertRecommendation(db: Queryable, supportId: string, r: RecommendationWrite): Promise<RecommendationRow> {
  const [row] = await db.query<RecommendationRow>(
    `INSERT INTO knowledge_recommendations (support_id, code, condition, measure, grade, priority, comment)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [supportId, r.code, r.condition, r.measure, r.grade, r.priority, r.comment],
  );
  return row!;
}

export async function updateRecommendationRow(
  db: Queryable,
  id: string,
  version: number,
  r: RecommendationWrite,
): Promise<RecommendationRow | undefined> {
  return (
    await db.query<RecommendationRow>(
      `UPDATE knowledge_recommendations SET code = $3, condition = $4, measure = $5, grade = $6, priority = $7, comment = $8,
         version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, r.code, r.condition, r.measure, r.grade, r.priority, r.comment],
    )
  )[0];
}

export async function deleteRecommendation(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM knowledge_recommendations WHERE id = $1', [id]);
}

// ---------------------------------------------------------------- local additions

export interface LocalAdditionRow {
  id: string;
  support_id: string;
  kind: 'regionalt-tillagg' | 'lokal-rutin';
  owner_group_id: string;
  owner_group_name: string;
  region_code: string;
  region_name: string;
  title: string;
  body: string | null;
  url: string | null;
  status: 'utkast' | 'publicerad' | 'arkiverad';
  review_date: string | null;
  is_demo: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT_ADDITION = `SELECT a.*, g.name AS owner_group_name, r.name AS region_name
  FROM knowledge_local_additions a JOIN groups g ON g.id = a.owner_group_id JOIN regions r ON r.code = a.region_code`;

export async function localAdditionsOf(db: Queryable, supportId: string): Promise<LocalAdditionRow[]> {
  return db.query<LocalAdditionRow>(
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
  return (await db.query<LocalAdditionRow>(`${SELECT_ADDITION} WHERE a.id = $1`, [id]))[0];
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

// ---------------------------------------------------------------- reminders

export interface DueSupportRow {
  id: string;
  title: string;
  next_revision_date: string | null;
  valid_until: string | null;
  producer_group_id: string | null;
}

export async function supportsWithDates(db: Queryable, until: string): Promise<DueSupportRow[]> {
  return db.query<DueSupportRow>(
    `SELECT id, title, next_revision_date, valid_until, producer_group_id FROM knowledge_supports
     WHERE status NOT IN ('ersatt', 'upphavd')
       AND ((next_revision_date IS NOT NULL AND next_revision_date <= $1::date) OR (valid_until IS NOT NULL AND valid_until <= $1::date))`,
    [until],
  );
}

/** Claims a reminder; false when it was already sent (the job is idempotent). */
export async function claimReminder(
  db: Queryable,
  supportId: string,
  kind: string,
  dueDate: string,
  threshold: number,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO knowledge_reminders_sent (support_id, kind, due_date, threshold_days) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING support_id`,
    [supportId, kind, dueDate, threshold],
  );
  return rows.length > 0;
}

/** Who hears about a support's revision: system administrators with an e-mail, and the producing group's chair and process support. */
export async function reminderRecipients(
  db: Queryable,
  producerGroupId: string | null,
  today: string,
): Promise<{ name: string; email: string }[]> {
  return db.query<{ name: string; email: string }>(
    `SELECT DISTINCT name, email FROM (
       SELECT u.name, u.email FROM users u JOIN role_assignments ra ON ra.user_id = u.id
       WHERE ra.role = 'admin' AND ra.scope_type = 'system' AND NOT u.disabled AND NOT u.is_demo
       UNION
       SELECT p.name, p.email FROM memberships m JOIN persons p ON p.id = m.person_id
       WHERE $1::uuid IS NOT NULL AND m.group_id = $1::uuid AND m.role IN ('ordforande', 'processledare', 'processtod')
         AND p.email IS NOT NULL AND p.anonymised_at IS NULL AND m.start_date <= $2::date
         AND (m.end_date IS NULL OR m.end_date >= $2::date)
     ) x ORDER BY email`,
    [producerGroupId, today],
  );
}

/** Active local program-area groups (LPOs), for choosing the owner of a local addition. */
export async function activeLpos(db: Queryable): Promise<{ id: string; name: string; owner: string }[]> {
  return db.query<{ id: string; name: string; owner: string }>(
    `SELECT id, name, owner FROM groups WHERE kind = 'program-area' AND level = 'region' AND status = 'active'
     ORDER BY owner, sv_key(name) COLLATE "C", id`,
  );
}
