import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { CompositionRule, RegionMap, Seat } from './rules/composition.js';
import type { NominationStatus } from './rules/nomination.js';

/** The only SQL for composition rules, nominations, seats and the public register. */

export interface RuleRow {
  id: string;
  group_kind: string | null;
  group_level: string | null;
  group_owner: string | null;
  group_key: string | null;
  program_area_ids: string[];
  rule_type: CompositionRule['ruleType'];
  roles: string[];
  min_count: number | null;
  max_count: number | null;
  region_counts: Record<string, number>;
  years: number | null;
  region_order: string[];
  anchor_date: string | null;
  description: string;
  source_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const toRule = (r: RuleRow): CompositionRule => ({
  id: r.id,
  groupKind: r.group_kind,
  groupLevel: r.group_level,
  groupOwner: r.group_owner,
  groupKey: r.group_key,
  programAreaIds: r.program_area_ids,
  ruleType: r.rule_type,
  roles: r.roles,
  minCount: r.min_count,
  maxCount: r.max_count,
  regionCounts: r.region_counts,
  years: r.years,
  regionOrder: r.region_order,
  anchorDate: r.anchor_date,
  description: r.description,
});

export interface RuleWrite {
  groupKind: string | null;
  groupLevel: string | null;
  groupOwner: string | null;
  groupKey: string | null;
  programAreaIds: string[];
  ruleType: CompositionRule['ruleType'];
  roles: string[];
  minCount: number | null;
  maxCount: number | null;
  regionCounts: Record<string, number>;
  years: number | null;
  regionOrder: string[];
  anchorDate: string | null;
  description: string;
  sourceId: string | null;
}

const RULE_ORDER = `ORDER BY group_key NULLS FIRST, group_level, group_kind, rule_type, description, id`;

export async function listRules(db: Queryable): Promise<RuleRow[]> {
  return db.query<RuleRow>(`SELECT * FROM composition_rules ${RULE_ORDER}`);
}

export async function getRule(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RuleRow | undefined> {
  return (
    await db.query<RuleRow>(`SELECT * FROM composition_rules WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id])
  )[0];
}

const ruleParams = (r: RuleWrite) => [
  r.groupKind,
  r.groupLevel,
  r.groupOwner,
  r.groupKey,
  r.ruleType,
  r.roles,
  r.minCount,
  r.maxCount,
  JSON.stringify(r.regionCounts),
  r.years,
  r.regionOrder,
  r.anchorDate,
  r.description,
  r.sourceId,
  r.programAreaIds,
];

export async function insertRule(db: Queryable, r: RuleWrite): Promise<RuleRow> {
  const [row] = await db.query<RuleRow>(
    `INSERT INTO composition_rules (group_kind, group_level, group_owner, group_key, rule_type, roles, min_count, max_count,
       region_counts, years, region_order, anchor_date, description, source_id, program_area_ids)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9::jsonb, $10, $11::text[], $12, $13, $14, $15::text[]) RETURNING *`,
    ruleParams(r),
  );
  return row!;
}

export async function updateRuleRow(db: Queryable, id: string, version: number, r: RuleWrite): Promise<RuleRow | undefined> {
  const [row] = await db.query<RuleRow>(
    `UPDATE composition_rules SET group_kind = $1, group_level = $2, group_owner = $3, group_key = $4, rule_type = $5,
       roles = $6::text[], min_count = $7, max_count = $8, region_counts = $9::jsonb, years = $10, region_order = $11::text[],
       anchor_date = $12, description = $13, source_id = $14, program_area_ids = $15::text[], version = version + 1,
       updated_at = now()
     WHERE id = $16 AND version = $17 RETURNING *`,
    [...ruleParams(r), id, version],
  );
  return row;
}

export async function deleteRuleRow(db: Queryable, id: string, version: number): Promise<boolean> {
  return (await db.query('DELETE FROM composition_rules WHERE id = $1 AND version = $2 RETURNING id', [id, version])).length > 0;
}

export async function programAreaIds(db: Queryable): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM program_areas ORDER BY id')).map((r) => r.id);
}

/** Regions, their healthcare regions and the names of both. */
export async function regionMap(db: Queryable): Promise<RegionMap> {
  const regions = await db.query<{ code: string; name: string; hrs: string[] }>(
    `SELECT r.code, r.name, COALESCE(array_agg(m.healthcare_region_id ORDER BY m.healthcare_region_id)
        FILTER (WHERE m.healthcare_region_id IS NOT NULL), '{}') AS hrs
     FROM regions r LEFT JOIN healthcare_region_members m ON m.region_code = r.code GROUP BY r.code, r.name ORDER BY r.code`,
  );
  const hrs = await db.query<{ id: string; name: string }>('SELECT id, name FROM healthcare_regions ORDER BY id');
  return {
    healthcareRegionsOf: new Map(regions.map((r) => [r.code, r.hrs])),
    healthcareRegionIds: hrs.map((h) => h.id),
    names: new Map([...regions.map((r) => [r.code, r.name] as const), ...hrs.map((h) => [h.id, h.name] as const)]),
  };
}

export interface SeatRow {
  id: string;
  group_id: string;
  person_id: string;
  role: string;
  represents: string | null;
  care_sector: string | null;
  start_date: string;
  end_date: string | null;
}

export const toSeat = (s: SeatRow): Seat => ({
  id: s.id,
  personId: s.person_id,
  role: s.role,
  represents: s.represents,
  careSector: s.care_sector,
  startDate: s.start_date,
  endDate: s.end_date,
});

export async function seatsOf(db: Queryable, groupIds: readonly string[]): Promise<SeatRow[]> {
  if (groupIds.length === 0) return [];
  return db.query<SeatRow>(
    `SELECT m.id, m.group_id, m.person_id, m.role, m.represents, m.care_sector, m.start_date, m.end_date
     FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = ANY($1::uuid[]) AND p.anonymised_at IS NULL ORDER BY m.start_date, m.id`,
    [[...groupIds]],
  );
}

/** Who held which seat in a group, with names (for the rotation schedule). */
export async function seatHolders(
  db: Queryable,
  groupId: string,
): Promise<{ role: string; person_name: string; represents: string | null; start_date: string; end_date: string | null }[]> {
  return db.query(
    `SELECT m.role, p.name AS person_name, m.represents, m.start_date, m.end_date FROM memberships m
     JOIN persons p ON p.id = m.person_id WHERE m.group_id = $1 AND p.anonymised_at IS NULL ORDER BY m.start_date, m.id`,
    [groupId],
  );
}

export interface GroupBrief {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string;
  referenceKey: string | null;
  programAreaIds: string[];
  isDemo: boolean;
}

/** Active groups, optionally of some owners, in Swedish order. */
export async function activeGroups(db: Queryable, owners?: readonly string[]): Promise<GroupBrief[]> {
  return selectRows<GroupBrief>(
    db,
    `SELECT id, name, kind, level, owner, reference_key, program_area_ids, is_demo FROM groups
     WHERE status = 'active' AND ($1::text[] IS NULL OR owner = ANY($1::text[])) ORDER BY sv_key(name) COLLATE "C", id`,
    [owners ? [...owners] : null],
  );
}

// ---------------------------------------------------------------------------------------------
// Nominations

export interface NominationRow {
  id: string;
  group_id: string;
  group_name: string;
  group_owner: string;
  person_id: string;
  person_name: string;
  /** The nominee's home organisation: the nominating side when the nomination names no region it represents. */
  person_home_owner: string | null;
  nominating_org: string;
  nominating_org_type: string;
  nominated_by: string;
  motivation: string | null;
  proposed_role: string;
  proposed_start: string;
  proposed_end: string | null;
  represents: string | null;
  status: NominationStatus;
  decision_date: string | null;
  decision_reference: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  membership_id: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const NOMINATION = `SELECT n.*, g.name AS group_name, g.owner AS group_owner, p.name AS person_name,
    p.home_owner AS person_home_owner
  FROM nominations n JOIN groups g ON g.id = n.group_id JOIN persons p ON p.id = n.person_id`;

export async function insertNomination(
  db: Queryable,
  n: {
    groupId: string;
    personId: string;
    nominatingOrg: string;
    nominatingOrgType: string;
    nominatedBy: string;
    motivation: string | null;
    proposedRole: string;
    proposedStart: string;
    proposedEnd: string | null;
    represents: string | null;
    createdBy: string | null;
  },
): Promise<NominationRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO nominations (group_id, person_id, nominating_org, nominating_org_type, nominated_by, motivation, proposed_role,
       proposed_start, proposed_end, represents, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      n.groupId,
      n.personId,
      n.nominatingOrg,
      n.nominatingOrgType,
      n.nominatedBy,
      n.motivation,
      n.proposedRole,
      n.proposedStart,
      n.proposedEnd,
      n.represents,
      n.createdBy,
    ],
  );
  return (await getNomination(db, row!.id))!;
}

export async function getNomination(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<NominationRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM nominations WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<NominationRow>(`${NOMINATION} WHERE n.id = $1`, [id]))[0];
}

export async function listNominations(
  db: Queryable,
  f: { groupId?: string; organisation?: string; status?: string; owners?: readonly string[]; limit: number },
): Promise<NominationRow[]> {
  const w = new Filters();
  if (f.groupId) w.add('n.group_id = ?::uuid', f.groupId);
  if (f.organisation) w.add('sv_fold(n.nominating_org) = sv_fold(?)', f.organisation);
  if (f.status) w.add('n.status = ?', f.status);
  if (f.owners) w.add('g.owner = ANY(?::text[])', [...f.owners]);
  const limit = w.param(f.limit);
  return db.query<NominationRow>(
    `${NOMINATION} ${w.where} ORDER BY (n.status = 'open') DESC, n.created_at DESC, n.id LIMIT ${limit}`,
    w.params,
  );
}

export async function decideNominationRow(
  db: Queryable,
  id: string,
  version: number,
  d: {
    status: NominationStatus;
    decisionDate: string | null;
    reference: string | null;
    reason: string | null;
    decidedBy: string | null;
    membershipId: string | null;
  },
): Promise<NominationRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE nominations SET status = $3, decision_date = $4, decision_reference = $5, decision_reason = $6, decided_by = $7,
       membership_id = $8, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'open' RETURNING id`,
    [id, version, d.status, d.decisionDate, d.reference, d.reason, d.decidedBy, d.membershipId],
  );
  return rows[0] ? getNomination(db, id) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Public register (insyn): name, role, group and employer — nothing else.

export interface RegisterRow {
  person_name: string;
  employer: string | null;
  role: string;
  group_id: string;
  group_name: string;
  group_owner: string;
  start_date: string;
  end_date: string | null;
}

export async function publicRegister(
  db: Queryable,
  f: { today: string; groupId?: string; owner?: string; q?: string; limit: number; offset: number },
): Promise<RegisterRow[]> {
  const w = new Filters();
  w.add(`g.status = 'active' AND p.anonymised_at IS NULL AND m.start_date <= ?::date`, f.today);
  w.add('(m.end_date IS NULL OR m.end_date >= ?::date)', f.today);
  if (f.groupId) w.add('m.group_id = ?::uuid', f.groupId);
  if (f.owner) w.add('g.owner = ?', f.owner);
  if (f.q) w.add('(sv_fold(p.name) LIKE ? OR sv_fold(g.name) LIKE ?)', `%${foldLike(f.q)}%`, `%${foldLike(f.q)}%`);
  const limit = w.param(f.limit + 1);
  const offset = w.param(f.offset);
  return db.query<RegisterRow>(
    `SELECT p.name AS person_name, p.employer, m.role, g.id AS group_id, g.name AS group_name, g.owner AS group_owner,
       m.start_date, m.end_date
     FROM memberships m JOIN persons p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id ${w.where}
     ORDER BY sv_key(g.name) COLLATE "C", g.id, m.role, sv_key(p.name) COLLATE "C", m.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
}
