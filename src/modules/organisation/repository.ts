import { provideGeography } from '../../platform/auth/scope.js';
import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { prepared } from '../../platform/db/prepared.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { GroupStatus } from './rules/group-lifecycle.js';
import type { Geography, GroupFacts, Level } from './rules/structure.js';
import type { Group, Mandate } from './schemas.js';
import type { SetupRule } from './rules/setup-decision.js';

/** The only SQL for groups, mandates, coverage and structure rules. */

/**
 * A group as the API shows it (less the sources it names, the permissions and what the presenter
 * counts), with the columns the presenter and the lists read: its reference key and source ids,
 * the timestamps and the name's Swedish sort key (the list's cursor).
 */
export type GroupRow = Omit<
  Static<typeof Group>,
  'level' | 'status' | 'sources' | 'isReference' | 'permissions' | 'allowedActions'
> & {
  level: Level;
  status: GroupStatus;
  referenceKey: string | null;
  sourceIds: string[];
  createdAt: string;
  updatedAt: string;
  sortKey: string;
};

export const facts = (g: GroupRow): GroupFacts => ({
  id: g.id,
  kind: g.kind,
  level: g.level,
  owner: g.owner,
  name: g.name,
  programAreaIds: g.programAreaIds,
  status: g.status,
  isSubGroup: g.isSubGroup,
});

const SELECT = 'SELECT *, sv_key(name) AS sort_key FROM groups';

export interface GroupFilter {
  level?: string;
  kind?: string;
  owner?: string;
  programArea?: string;
  status?: string;
  q?: string;
  after?: [string, string];
  limit: number;
}

export async function listGroups(db: Queryable, f: GroupFilter): Promise<GroupRow[]> {
  const w = new Filters();
  if (f.level) w.add('level = ?', f.level);
  if (f.kind) w.add('kind = ?', f.kind);
  if (f.owner) w.add('owner = ?', f.owner);
  if (f.programArea) w.add('? = ANY(program_area_ids)', f.programArea);
  if (f.status) w.add('status = ?', f.status);
  if (f.q) {
    // Name (folded and stored, migration 0054), short name or program area, forgiving of case
    // and diacritics; the matching program areas are found once, not again for every group.
    w.add(
      `(name_folded LIKE ? OR sv_fold(coalesce(short_name, '')) LIKE ?
        OR program_area_ids && ARRAY(SELECT p.id FROM program_areas p WHERE sv_fold(p.name) LIKE ?))`,
      ...Array<string>(3).fill(`%${foldLike(f.q)}%`),
    );
  }
  if (f.after) w.add(`(sv_key(name) COLLATE "C", id) > (? COLLATE "C", ?::uuid)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return selectRows<GroupRow>(db, `${SELECT} ${w.where} ORDER BY sv_key(name) COLLATE "C", id LIMIT ${limit}`, w.params);
}

export async function getGroup(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<GroupRow | undefined> {
  return selectRow<GroupRow>(db, `${SELECT} WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

export async function getGroupsByIds(db: Queryable, ids: string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  return selectRows<GroupRow>(db, `${SELECT} WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function groupsAt(db: Queryable, owners: string[]): Promise<GroupRow[]> {
  return selectRows<GroupRow>(db, `${SELECT} WHERE owner = ANY($1::text[]) ORDER BY sv_key(name) COLLATE "C", id`, [owners]);
}

export async function childrenOf(db: Queryable, id: string): Promise<GroupRow[]> {
  return selectRows<GroupRow>(db, `${SELECT} WHERE parent_group_id = $1 ORDER BY sv_key(name) COLLATE "C", id`, [id]);
}

export async function mirroredBy(db: Queryable, id: string): Promise<GroupRow[]> {
  return selectRows<GroupRow>(db, `${SELECT} WHERE mirrors_group_id = $1 ORDER BY owner, sv_key(name) COLLATE "C", id`, [id]);
}

export interface GroupWrite {
  kind: string;
  level: Level;
  owner: string;
  name: string;
  shortName: string | null;
  programAreaIds: string[];
  mirrorsGroupId: string | null;
  parentGroupId: string | null;
  parentRelation: string | null;
  isSubGroup: boolean;
  contactEmail: string | null;
  hostDescription: string | null;
  startDate: string | null;
  isDemo?: boolean;
  referenceKey?: string | null;
  factStatus?: string | null;
  sourceIds?: string[];
  sourceQuote?: string | null;
  /** The decision the group was set up by (migration 0052); only on creation. */
  setupParagraphId?: string | null;
  setupElsewhere?: string | null;
  hostConsultation?: string | null;
}

export async function insertGroup(db: Queryable, g: GroupWrite): Promise<GroupRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO groups (kind, level, owner, name, short_name, program_area_ids, mirrors_group_id, parent_group_id,
       parent_relation, is_sub_group, contact_email, host_description, start_date, is_demo, reference_key, fact_status,
       source_ids, source_quote, setup_paragraph_id, setup_elsewhere, host_consultation)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18, $19, $20, $21)
     RETURNING id`,
    [
      g.kind,
      g.level,
      g.owner,
      g.name,
      g.shortName,
      g.programAreaIds,
      g.mirrorsGroupId,
      g.parentGroupId,
      g.parentRelation,
      g.isSubGroup,
      g.contactEmail,
      g.hostDescription,
      g.startDate,
      g.isDemo ?? false,
      g.referenceKey ?? null,
      g.factStatus ?? null,
      g.sourceIds ?? [],
      g.sourceQuote ?? null,
      g.setupParagraphId ?? null,
      g.setupElsewhere ?? null,
      g.hostConsultation ?? null,
    ],
  );
  return (await getGroup(db, row!.id))!;
}

/** Optimistic: undefined when the version moved on (nothing written). */
export async function updateGroupRow(db: Queryable, id: string, version: number, g: GroupWrite): Promise<GroupRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE groups SET name = $3, short_name = $4, program_area_ids = $5::text[], mirrors_group_id = $6, parent_group_id = $7,
       parent_relation = $8, is_sub_group = $9, contact_email = $10, host_description = $11, start_date = $12,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      g.name,
      g.shortName,
      g.programAreaIds,
      g.mirrorsGroupId,
      g.parentGroupId,
      g.parentRelation,
      g.isSubGroup,
      g.contactEmail,
      g.hostDescription,
      g.startDate,
    ],
  );
  return rows[0] ? getGroup(db, id) : undefined;
}

export async function endGroup(
  db: Queryable,
  id: string,
  version: number,
  end: { status: GroupStatus; endDate: string; reason: string | null; mergedInto: string | null },
): Promise<GroupRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE groups SET status = $3, end_date = $4, closed_reason = $5, merged_into_group_id = $6, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'active' RETURNING id`,
    [id, version, end.status, end.endDate, end.reason, end.mergedInto],
  );
  return rows[0] ? getGroup(db, id) : undefined;
}

/** Active groups below this one; merging moves them to the surviving group. */
export async function reparentChildren(db: Queryable, from: string, to: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE groups SET parent_group_id = $2, version = version + 1, updated_at = now()
     WHERE parent_group_id = $1 AND status = 'active' RETURNING id`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

export async function remirror(db: Queryable, from: string, to: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE groups SET mirrors_group_id = $2, version = version + 1, updated_at = now()
     WHERE mirrors_group_id = $1 AND status = 'active' RETURNING id`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

// Mandates

/** A mandate revision as the API shows it, and the group it belongs to. */
export type MandateRow = Static<typeof Mandate> & { groupId: string };

const MANDATE = 'SELECT group_id, revision, text_md AS text, changed_by, changed_by_label, changed_at FROM group_mandates';

export async function currentMandate(db: Queryable, groupId: string): Promise<MandateRow | undefined> {
  return selectRow<MandateRow>(db, `${MANDATE} WHERE group_id = $1 ORDER BY revision DESC LIMIT 1`, [groupId]);
}

export async function mandateRevisions(db: Queryable, groupId: string): Promise<MandateRow[]> {
  return selectRows<MandateRow>(db, `${MANDATE} WHERE group_id = $1 ORDER BY revision DESC`, [groupId]);
}

export async function insertMandate(
  db: Queryable,
  m: { groupId: string; revision: number; text: string; by: string | null; label: string },
) {
  const row = await selectRow<MandateRow>(
    db,
    `INSERT INTO group_mandates (group_id, revision, text_md, changed_by, changed_by_label) VALUES ($1, $2, $3, $4, $5)
     RETURNING group_id, revision, text_md AS text, changed_by, changed_by_label, changed_at`,
    [m.groupId, m.revision, m.text, m.by, m.label],
  );
  return row!;
}

// Coverage and geography

export async function coverageAt(db: Queryable, owner: string): Promise<Map<string, string>> {
  const rows = await db.query<{ program_area_id: string; covered_by_group_id: string }>(
    'SELECT program_area_id, covered_by_group_id FROM mirror_coverage WHERE owner = $1',
    [owner],
  );
  return new Map(rows.map((r) => [r.program_area_id, r.covered_by_group_id]));
}

export async function coverageAll(
  db: Queryable,
): Promise<{ owner: string; programAreaId: string; coveredByGroupId: string; note: string | null }[]> {
  return selectRows(db, 'SELECT owner, program_area_id, covered_by_group_id, note FROM mirror_coverage');
}

export async function setCoverage(
  db: Queryable,
  c: { owner: string; programAreaId: string; groupId: string | null; note: string | null },
) {
  if (c.groupId === null) {
    await db.query('DELETE FROM mirror_coverage WHERE owner = $1 AND program_area_id = $2', [c.owner, c.programAreaId]);
    return;
  }
  await db.query(
    `INSERT INTO mirror_coverage (owner, program_area_id, covered_by_group_id, note) VALUES ($1, $2, $3, $4)
     ON CONFLICT (owner, program_area_id) DO UPDATE SET covered_by_group_id = EXCLUDED.covered_by_group_id, note = EXCLUDED.note`,
    [c.owner, c.programAreaId, c.groupId, c.note],
  );
}

// The policy's request scope (platform/auth/scope.ts) reads the country's shape from here.
provideGeography((db) => geography(db));

/**
 * The country's shape in one query (one round trip; it was three, on every signed-in request
 * that asks the policy). It changes only when the reference data is reloaded, but a cache kept
 * across requests would need a version to ask for, which costs the same query.
 */
/** Read on most signed-in requests (each one's scope): kept planned on each connection. */
const GEOGRAPHY = prepared(
  'navet_geography',
  `SELECT ARRAY(SELECT id FROM healthcare_regions) AS hrs,
            ARRAY(SELECT id FROM program_areas) AS areas,
            -- 'code:id,id' per region (codes are digits and ids [a-z-], so the separators are safe)
            ARRAY(SELECT r.code || ':' || COALESCE(string_agg(m.healthcare_region_id, ',' ORDER BY m.healthcare_region_id), '')
                  FROM regions r LEFT JOIN healthcare_region_members m ON m.region_code = r.code GROUP BY r.code) AS members`,
);

export async function geography(db: Queryable): Promise<Geography> {
  const [row] = await db.query<{ hrs: string[]; areas: string[]; members: string[] }>(GEOGRAPHY);
  return {
    healthcareRegionIds: new Set(row!.hrs),
    regionHealthcareRegions: new Map(
      row!.members.map((m) => {
        const [code, ids] = m.split(':') as [string, string];
        return [code, ids ? ids.split(',') : []];
      }),
    ),
    programAreaIds: new Set(row!.areas),
  };
}

export async function programAreasOrdered(
  db: Queryable,
): Promise<{ id: string; name: string; hostHealthcareRegionId: string | null; hostStatus: string; hostOther: string | null }[]> {
  return selectRows(
    db,
    `SELECT id, name, host_healthcare_region_id, host_status, host_other FROM program_areas ORDER BY sv_key(name) COLLATE "C", id`,
  );
}

export async function structureRules(db: Queryable, owner?: string) {
  return selectRows<{ owner: string; rule: string; sourceId: string | null; quote: string | null; expectedCount: number | null }>(
    db,
    `SELECT owner, rule, source_id, quote, expected_count FROM structure_rules ${owner ? 'WHERE owner = $1' : ''} ORDER BY owner, rule`,
    owner ? [owner] : [],
  );
}

/** Matrix columns: the six healthcare regions, or the regions of one (empty when unknown). */
export async function matrixColumns(db: Queryable, healthcareRegionId?: string): Promise<{ owner: string; name: string }[]> {
  if (healthcareRegionId) {
    return db.query(
      `SELECT r.code AS owner, r.name FROM regions r JOIN healthcare_region_members m ON m.region_code = r.code
       WHERE m.healthcare_region_id = $1 ORDER BY r.code`,
      [healthcareRegionId],
    );
  }
  return db.query(`SELECT id AS owner, name FROM healthcare_regions ORDER BY sv_key(name) COLLATE "C"`);
}

/** Active groups with a local host (värdskap), grouped by owner and host. */
export async function locallyHostedGroups(db: Queryable): Promise<GroupRow[]> {
  return selectRows<GroupRow>(
    db,
    `${SELECT} WHERE host_description IS NOT NULL AND status = 'active'
     ORDER BY owner, host_description, sv_key(name) COLLATE "C"`,
  );
}

export interface AgreementRow {
  id: string;
  owner: string;
  name: string;
  decidedByGroupId: string | null;
  decidedOn: string;
  validUntil: string;
  programAreaIds: string[];
  groupIds: string[];
  sourceId: string | null;
  quote: string | null;
}

/** Time-limited agreements of an owner, or those a group decided. */
export async function agreements(db: Queryable, by: { owner: string } | { decidedByGroupId: string }): Promise<AgreementRow[]> {
  const [column, value] = 'owner' in by ? ['owner', by.owner] : ['decided_by_group_id', by.decidedByGroupId];
  return selectRows<AgreementRow>(
    db,
    `SELECT id, owner, name, decided_by_group_id, decided_on, valid_until, program_area_ids, group_ids, source_id, quote
     FROM agreements WHERE ${column} = $1 ORDER BY valid_until, sv_key(name) COLLATE "C"`,
    [value],
  );
}

/** The groups of the regions in a healthcare region (one level down). */
export async function groupsBelow(db: Queryable, healthcareRegionId: string): Promise<GroupRow[]> {
  return selectRows<GroupRow>(
    db,
    `${SELECT} WHERE owner IN (SELECT region_code FROM healthcare_region_members WHERE healthcare_region_id = $1)
     ORDER BY owner, sv_key(name) COLLATE "C", id`,
    [healthcareRegionId],
  );
}

/** The rule saying who must decide before a group of this kind is set up at this owner (migration 0052). */
export const setupRule = (db: Queryable, owner: string, kind: string) =>
  selectRow<SetupRule>(
    db,
    `SELECT r.owner, r.group_kind, r.decided_by_parent, r.host_consultation, r.source_id, r.quote,
       COALESCE(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name) FILTER (WHERE g.id IS NOT NULL), '[]') AS deciders
     FROM group_setup_rules r LEFT JOIN groups g ON g.reference_key = ANY(r.decided_by_keys) AND g.status = 'active'
     WHERE r.owner = $1 AND r.group_kind = $2
     GROUP BY r.owner, r.group_kind`,
    [owner, kind],
  );

/** A § a group's setup may name: the group whose minutes hold it and whether they are justerade. */
export const setupParagraph = (db: Queryable, id: string) =>
  selectRow<{ groupId: string; approved: boolean }>(
    db,
    `SELECT p.group_id, m.minutes_status = 'justerat' AS approved
     FROM minutes_paragraphs p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = $1`,
    [id],
  );
