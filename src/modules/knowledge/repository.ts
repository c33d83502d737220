import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { KnowledgeSupport, SupportVersion } from './schemas.js';
import type { LifecycleState } from './rules/lifecycle.js';
import type { ConsequenceDimension, Significance } from './rules/vocabulary.js';

/** The SQL of the catalogue's supports, their versions and consequence descriptions (search: search-supports.ts). */

/** A support as the API shows it, less what the presenter adds (labels, the caller's actions). */
type SupportApi = Static<typeof KnowledgeSupport>;
export type SupportRow = Omit<SupportApi, 'typeLabel' | 'statusLabel' | 'allowedTransitions' | 'allowedActions' | 'status'> & {
  status: LifecycleState;
  /** The title's Swedish sort key (the list's cursor). */
  sortKey: string;
};

export const SELECT_SUPPORT = `SELECT s.id, s.type, s.title, s.status, s.owner, s.catalogue_id, s.producer_kind, s.producer_group_id, g.name AS producer_group_name,
    s.producer_name, s.sender, s.url, s.summary, s.target_groups, s.next_revision_date, s.valid_from, s.valid_until,
    s.replaced_by_support_id, s.status_reason, s.is_demo, s.version, s.created_at, s.updated_at,
    sv_key(s.title) AS sort_key,
    COALESCE((SELECT array_agg(pa.program_area_id ORDER BY pa.program_area_id) FROM knowledge_support_program_areas pa
      WHERE pa.support_id = s.id), '{}') AS program_area_ids
  FROM knowledge_supports s LEFT JOIN groups g ON g.id = s.producer_group_id`;

export async function getSupport(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<SupportRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM knowledge_supports WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<SupportRow>(db, `${SELECT_SUPPORT} WHERE s.id = $1`, [id]);
}

export async function getSupportsByIds(db: Queryable, ids: string[]): Promise<SupportRow[]> {
  if (ids.length === 0) return [];
  return selectRows<SupportRow>(db, `${SELECT_SUPPORT} WHERE s.id = ANY($1::uuid[])`, [ids]);
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
  s: SupportWrite & { status: LifecycleState; isDemo: boolean; owner: string; catalogueId?: string | null },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO knowledge_supports (type, title, status, producer_kind, producer_group_id, producer_name, sender, url, summary,
       target_groups, next_revision_date, valid_from, valid_until, is_demo, owner, catalogue_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
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
      s.owner,
      s.catalogueId ?? null,
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
): Promise<{ version: number }> {
  const [row] = await db.query<{ version: number }>(
    `UPDATE knowledge_supports SET status = $2, status_reason = COALESCE($3, status_reason),
       replaced_by_support_id = COALESCE($4::uuid, replaced_by_support_id), version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING version`,
    [id, status, extra.reason ?? null, extra.replacedBy ?? null],
  );
  return row!;
}

/** The supports imported from the national catalogue (they carry its identifier), with their versions' labels. */
export async function catalogueSupports(db: Queryable): Promise<SupportRow[]> {
  return selectRows<SupportRow>(db, `${SELECT_SUPPORT} WHERE s.catalogue_id IS NOT NULL ORDER BY s.catalogue_id`);
}

export async function lockCatalogue(db: Queryable): Promise<void> {
  await db.query('SELECT id FROM knowledge_supports WHERE catalogue_id IS NOT NULL FOR UPDATE');
}

export async function versionsOfSupports(db: Queryable, supportIds: string[]): Promise<VersionRow[]> {
  if (supportIds.length === 0) return [];
  return selectRows<VersionRow>(
    db,
    'SELECT * FROM knowledge_support_versions WHERE support_id = ANY($1::uuid[]) ORDER BY created_at, id',
    [supportIds],
  );
}

export async function existingProgramAreas(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('SELECT id FROM program_areas WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface GroupFacts {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string;
  status: string;
  programAreaIds: string[];
}

export async function groupFacts(db: Queryable, id: string): Promise<GroupFacts | undefined> {
  return selectRow<GroupFacts>(db, 'SELECT id, name, kind, level, owner, status, program_area_ids FROM groups WHERE id = $1', [
    id,
  ]);
}

// ---------------------------------------------------------------- versions

/** A version as the API shows it, less its consequence description, proposed track and the caller's actions. */
type VersionApi = Static<typeof SupportVersion>;
export type VersionRow = Omit<
  VersionApi,
  'status' | 'statusLabel' | 'allowedTransitions' | 'allowedActions' | 'consequences' | 'proposedTrack' | 'proposedTrackBecause'
> & { status: LifecycleState };

export async function versionsOf(db: Queryable, supportId: string): Promise<VersionRow[]> {
  return selectRows<VersionRow>(db, 'SELECT * FROM knowledge_support_versions WHERE support_id = $1 ORDER BY created_at, id', [
    supportId,
  ]);
}

export async function getVersion(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<VersionRow | undefined> {
  return selectRow<VersionRow>(
    db,
    `SELECT * FROM knowledge_support_versions WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
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
  const row = await selectRow<VersionRow>(
    db,
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
  return selectRow<VersionRow>(
    db,
    `UPDATE knowledge_support_versions SET label = $3, change_summary = $4, url = $5, decided_on = $6, published_on = $7,
       valid_from = $8, valid_until = $9, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING *`,
    [id, version, v.label, v.changeSummary, v.url, v.decidedOn, v.publishedOn, v.validFrom, v.validUntil],
  );
}

export async function setVersionStatus(
  db: Queryable,
  id: string,
  status: LifecycleState,
  dates: { decidedOn?: string; publishedOn?: string } = {},
): Promise<VersionRow> {
  const row = await selectRow<VersionRow>(
    db,
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

/** One dimension of a version's consequence description (the presenter fills in the dimensions not described). */
export interface ConsequenceRow {
  supportVersionId: string;
  dimension: ConsequenceDimension;
  significance: Significance;
  text: string | null;
}

export async function consequencesOf(db: Queryable, versionIds: string[]): Promise<ConsequenceRow[]> {
  if (versionIds.length === 0) return [];
  return selectRows<ConsequenceRow>(
    db,
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

/** The regions' and healthcare regions' Swedish names, by owner id (county code or healthcare region id). */
export async function ownerNames(db: Queryable): Promise<Map<string, { name: string; kind: 'region' | 'healthcare-region' }>> {
  const rows = await db.query<{ id: string; name: string; kind: 'region' | 'healthcare-region' }>(
    `SELECT id, name, 'healthcare-region' AS kind FROM healthcare_regions
     UNION ALL SELECT code, name, 'region' FROM regions`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}
