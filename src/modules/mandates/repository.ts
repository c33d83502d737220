import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import { Filters, foldLike } from '../../platform/db/sql.js';
import type { CompositionRule, RegionMap, Seat } from './rules/composition.js';
import type { NominationStatus } from './rules/nomination.js';
import type { Nomination, RegisterEntry, Rule } from './schemas.js';

/** The only SQL for composition rules, nominations, seats and the public register; rows in API shape (platform/db/rows.ts). */

/** A composition rule as the API shows it (and as the audit trail records it); it is also the rule the checks take. */
export type RuleRecord = Omit<Static<typeof Rule>, 'ruleType'> & { ruleType: CompositionRule['ruleType'] };

/** The rule's columns, the response schema's fields and nothing more. */
const RULE = `r.id, r.group_kind, r.group_level, r.group_owner, r.group_key, r.program_area_ids, r.rule_type, r.roles, r.min_count,
  r.max_count, r.region_counts, r.years, r.related_group_key, r.follows_rule_id,
  CASE WHEN f.id IS NULL THEN r.region_order ELSE f.region_order END AS region_order,
  CASE WHEN f.id IS NULL THEN r.anchor_date ELSE f.anchor_date END AS anchor_date, r.description, r.source_id, r.version`;
/** A rule that follows another ("på samma sätt som i RSL") reads its order and first period from it. */
const RULE_FROM = `composition_rules r LEFT JOIN composition_rules f ON f.id = r.follows_rule_id`;

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
  relatedGroupKey: string | null;
  followsRuleId: string | null;
  description: string;
  sourceId: string | null;
}

const RULE_ORDER = `ORDER BY r.group_key NULLS FIRST, r.group_level, r.group_kind, r.rule_type, r.description, r.id`;

export async function listRules(db: Queryable): Promise<RuleRecord[]> {
  return selectRows<RuleRecord>(db, `SELECT ${RULE} FROM ${RULE_FROM} ${RULE_ORDER}`);
}

export async function getRule(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RuleRecord | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM composition_rules WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<RuleRecord>(db, `SELECT ${RULE} FROM ${RULE_FROM} WHERE r.id = $1`, [id]);
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
  r.relatedGroupKey,
  r.followsRuleId,
];

export async function insertRule(db: Queryable, r: RuleWrite): Promise<RuleRecord> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO composition_rules (group_kind, group_level, group_owner, group_key, rule_type, roles, min_count, max_count,
       region_counts, years, region_order, anchor_date, description, source_id, program_area_ids, related_group_key, follows_rule_id)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9::jsonb, $10, $11::text[], $12, $13, $14, $15::text[], $16, $17)
     RETURNING id`,
    ruleParams(r),
  );
  return (await getRule(db, row!.id))!;
}

export async function updateRuleRow(db: Queryable, id: string, version: number, r: RuleWrite): Promise<RuleRecord | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE composition_rules SET group_kind = $1, group_level = $2, group_owner = $3, group_key = $4, rule_type = $5,
       roles = $6::text[], min_count = $7, max_count = $8, region_counts = $9::jsonb, years = $10, region_order = $11::text[],
       anchor_date = $12, description = $13, source_id = $14, program_area_ids = $15::text[], related_group_key = $16,
       follows_rule_id = $17, version = version + 1, updated_at = now()
     WHERE id = $18 AND version = $19 RETURNING id`,
    [...ruleParams(r), id, version],
  );
  return rows[0] ? getRule(db, id) : undefined;
}

/** A rotation's order and first period (seed 001 leaves them to the healthcare region). */
export async function setRotationOrder(
  db: Queryable,
  id: string,
  version: number,
  o: { regionOrder: string[]; anchorDate: string },
): Promise<RuleRecord | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE composition_rules SET region_order = $3::text[], anchor_date = $4, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, o.regionOrder, o.anchorDate],
  );
  return rows[0] ? getRule(db, id) : undefined;
}

/** The owner of the groups a rule applies to: its owner, or the owner of the one group it names. */
export async function ruleOwner(db: Queryable, r: Pick<RuleRecord, 'groupOwner' | 'groupKey'>): Promise<string | null> {
  if (r.groupOwner) return r.groupOwner;
  if (!r.groupKey) return null;
  const [g] = await db.query<{ owner: string }>('SELECT owner FROM groups WHERE reference_key = $1', [r.groupKey]);
  return g?.owner ?? null;
}

/** Bodies other than regions a seat can be held for (seed 002). */
export async function representedBodies(db: Queryable): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>('SELECT id, name FROM represented_bodies ORDER BY id');
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
  const bodies = await representedBodies(db);
  return {
    healthcareRegionsOf: new Map(regions.map((r) => [r.code, r.hrs])),
    healthcareRegionIds: hrs.map((h) => h.id),
    names: new Map([
      ...regions.map((r) => [r.code, r.name] as const),
      ...hrs.map((h) => [h.id, h.name] as const),
      ...bodies.map((b) => [b.id, b.name] as const),
    ]),
    bodies: new Set(bodies.map((b) => b.id)),
  };
}

/** A seat (a membership) as the composition checks take it, with its group. */
export type SeatRecord = Seat & { groupId: string };

export async function seatsOf(db: Queryable, groupIds: readonly string[]): Promise<SeatRecord[]> {
  if (groupIds.length === 0) return [];
  return selectRows<SeatRecord>(
    db,
    `SELECT m.id, m.group_id, m.person_id, m.role, m.represents, m.care_sector, m.start_date, m.end_date, m.nomination_id
     FROM memberships m JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = ANY($1::uuid[]) AND p.anonymised_at IS NULL ORDER BY m.start_date, m.id`,
    [[...groupIds]],
  );
}

/** Who held which seat in a group, with names (for the rotation schedule). */
export async function seatHolders(
  db: Queryable,
  groupId: string,
): Promise<{ role: string; personName: string; represents: string | null; startDate: string; endDate: string | null }[]> {
  return selectRows(
    db,
    `SELECT m.role, p.name AS person_name, m.represents, m.start_date, m.end_date FROM memberships m
     JOIN persons p ON p.id = m.person_id WHERE m.group_id = $1 AND p.anonymised_at IS NULL ORDER BY m.start_date, m.id`,
    [groupId],
  );
}

/** A group as the composition checks take it. */
export interface GroupBrief {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string;
  referenceKey: string | null;
  programAreaIds: string[];
  isDemo: boolean;
  parentGroupId: string | null;
  parentRelation: string | null;
  mirrorsGroupId: string | null;
}

/** Active groups, optionally of some owners, in Swedish order. */
export async function activeGroups(db: Queryable, owners?: readonly string[]): Promise<GroupBrief[]> {
  return selectRows<GroupBrief>(
    db,
    `SELECT id, name, kind, level, owner, reference_key, program_area_ids, is_demo, parent_group_id, parent_relation,
       mirrors_group_id FROM groups
     WHERE status = 'active' AND ($1::text[] IS NULL OR owner = ANY($1::text[])) ORDER BY sv_key(name) COLLATE "C", id`,
    [owners ? [...owners] : null],
  );
}

// ---------------------------------------------------------------------------------------------
// Nominations

/**
 * A nomination as the API shows it, less the caller's actions, with what the module reads
 * besides: the group's owner (its region), the nominee's home organisation (the nominating side
 * when the nomination names no region it represents), who decided and who registered it.
 */
export type NominationRecord = Omit<Static<typeof Nomination>, 'allowedActions'> & {
  groupOwner: string;
  personHomeOwner: string | null;
  decidedBy: string | null;
  createdBy: string | null;
};

const NOMINATION = `SELECT n.id, n.group_id, g.name AS group_name, g.owner AS group_owner, n.person_id, p.name AS person_name,
    p.home_owner AS person_home_owner, n.nominating_org AS nominating_organisation,
    n.nominating_org_type AS nominating_organisation_type, n.nominated_by, n.motivation, n.proposed_role AS role,
    n.proposed_start AS start_date, n.proposed_end AS end_date, n.represents, n.status, n.decision_date, n.decision_reference,
    n.decision_reason, n.decided_by, n.membership_id, n.created_by, n.version, n.created_at,
    (SELECT jsonb_build_object('groupId', pg.id, 'groupName', pg.name) FROM groups pg
      WHERE pg.id = g.parent_group_id AND g.parent_relation = 'reports-to' AND EXISTS (
        SELECT 1 FROM composition_rules r WHERE r.rule_type = 'appoints-child-chairs' AND n.proposed_role = ANY(r.roles)
          AND (r.group_kind IS NULL OR r.group_kind = pg.kind) AND (r.group_level IS NULL OR r.group_level = pg.level)
          AND (r.group_owner IS NULL OR r.group_owner = pg.owner) AND (r.group_key IS NULL OR r.group_key = pg.reference_key)
          AND (cardinality(r.program_area_ids) = 0 OR r.program_area_ids && pg.program_area_ids))) AS appointing_group
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
): Promise<NominationRecord> {
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
): Promise<NominationRecord | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM nominations WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<NominationRecord>(db, `${NOMINATION} WHERE n.id = $1`, [id]);
}

export async function listNominations(
  db: Queryable,
  f: { groupId?: string; organisation?: string; status?: string; owners?: readonly string[]; limit: number },
): Promise<NominationRecord[]> {
  const w = new Filters();
  if (f.groupId) w.add('n.group_id = ?::uuid', f.groupId);
  if (f.organisation) w.add('sv_fold(n.nominating_org) = sv_fold(?)', f.organisation);
  if (f.status) w.add('n.status = ?', f.status);
  if (f.owners) w.add('g.owner = ANY(?::text[])', [...f.owners]);
  const limit = w.param(f.limit);
  return selectRows<NominationRecord>(
    db,
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
): Promise<NominationRecord | undefined> {
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

/** An entry of the public register: exactly what the API shows (`p.name AS name`). */
export type RegisterRecord = Static<typeof RegisterEntry>;

export async function publicRegister(
  db: Queryable,
  f: { today: string; groupId?: string; owner?: string; q?: string; limit: number; offset: number },
): Promise<RegisterRecord[]> {
  const w = new Filters();
  w.add(`g.status = 'active' AND p.anonymised_at IS NULL AND m.start_date <= ?::date`, f.today);
  w.add('(m.end_date IS NULL OR m.end_date >= ?::date)', f.today);
  if (f.groupId) w.add('m.group_id = ?::uuid', f.groupId);
  if (f.owner) w.add('g.owner = ?', f.owner);
  if (f.q) w.add('(sv_fold(p.name) LIKE ? OR sv_fold(g.name) LIKE ?)', `%${foldLike(f.q)}%`, `%${foldLike(f.q)}%`);
  const limit = w.param(f.limit + 1);
  const offset = w.param(f.offset);
  return selectRows<RegisterRecord>(
    db,
    `SELECT p.name, m.role, g.id AS group_id, g.name AS group_name, p.employer, m.start_date, m.end_date
     FROM memberships m JOIN persons p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id ${w.where}
     ORDER BY sv_key(g.name) COLLATE "C", g.id, m.role, sv_key(p.name) COLLATE "C", m.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
}

/** Seats held on a day in some groups, with the holder's name (representation between levels). */
export async function heldSeats(
  db: Queryable,
  groupIds: readonly string[],
  date: string,
): Promise<{ groupId: string; personId: string; personName: string; role: string; represents: string | null }[]> {
  if (groupIds.length === 0) return [];
  return selectRows(
    db,
    `SELECT m.group_id, m.person_id, p.name AS person_name, m.role, m.represents FROM memberships m
     JOIN persons p ON p.id = m.person_id
     WHERE m.group_id = ANY($1::uuid[]) AND p.anonymised_at IS NULL AND m.start_date <= $2::date
       AND (m.end_date IS NULL OR m.end_date >= $2::date)
     ORDER BY sv_key(p.name) COLLATE "C", m.person_id, m.role`,
    [[...groupIds], date],
  );
}
