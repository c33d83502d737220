import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import { Filters } from '../../platform/db/sql.js';
import type { ClaimStatus } from './rules/claim-state.js';
import type { Assignment, Claim, Participant, RateModel } from './schemas.js';

/** The only SQL for rate models, participants, assignments and compensation claims. */

/** A rate model as the API shows it (how many claims used it is counted apart). */
export type RateModelRow = Omit<Static<typeof RateModel>, 'claimCount'>;

/** A registration as the API shows it, with what the policy asks: the person's e-mail and home, the group's owner. */
export type ParticipantRow = Omit<Static<typeof Participant>, 'permissions'> & {
  personEmail: string | null;
  homeOwner: string;
  groupOwner: string;
};

/** An assignment as the API shows it, with what the policy asks. */
export type AssignmentRow = Static<typeof Assignment> & { groupOwner: string; personEmail: string | null };

/**
 * A claim as the API shows it, its amounts flat (the presenter groups them), with what the policy
 * and the payroll export ask: the person's e-mail, the group's owner, the rates used, who submitted.
 */
export type ClaimRow = Omit<Static<typeof Claim>, 'amounts' | 'allowedActions' | 'permissions'> & {
  feeOre: number;
  mileageOre: number;
  travelCostsOre: number;
  lossOfIncomeOre: number;
  totalOre: number;
  personEmail: string | null;
  groupOwner: string;
  rates: Record<string, number>;
  submittedBy: string | null;
  decidedBy: string | null;
};

// ---- rate models ----

export const listRateModels = (db: Queryable) =>
  selectRows<RateModelRow>(db, 'SELECT * FROM compensation_rate_models ORDER BY valid_from DESC');

export async function getRateModel(db: Queryable, id: string, forUpdate = false): Promise<RateModelRow | undefined> {
  return selectRow<RateModelRow>(db, `SELECT * FROM compensation_rate_models WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
}

export interface RateModelWrite {
  name: string;
  validFrom: string;
  validTo: string | null;
  lossOfIncomeMaxOrePerDay: number | null;
  meetingFeeOre: number;
  halfDayFeeOre: number;
  fullDayFeeOre: number;
  hourlyFeeOre: number;
  mileageOrePerKm: number;
  source: string | null;
}

const rateParams = (m: RateModelWrite) => [
  m.name,
  m.validFrom,
  m.meetingFeeOre,
  m.halfDayFeeOre,
  m.fullDayFeeOre,
  m.hourlyFeeOre,
  m.mileageOrePerKm,
  m.source,
  m.validTo,
  m.lossOfIncomeMaxOrePerDay,
];

export async function insertRateModel(db: Queryable, m: RateModelWrite): Promise<RateModelRow> {
  const row = await selectRow<RateModelRow>(
    db,
    `INSERT INTO compensation_rate_models (name, valid_from, meeting_fee_ore, half_day_fee_ore, full_day_fee_ore, hourly_fee_ore,
       mileage_ore_per_km, source, valid_to, loss_of_income_max_ore_per_day)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    rateParams(m),
  );
  return row!;
}

export async function updateRateModel(db: Queryable, id: string, version: number, m: RateModelWrite) {
  const row = await selectRow<RateModelRow>(
    db,
    `UPDATE compensation_rate_models SET name = $3, valid_from = $4, meeting_fee_ore = $5, half_day_fee_ore = $6,
       full_day_fee_ore = $7, hourly_fee_ore = $8, mileage_ore_per_km = $9, source = $10, valid_to = $11,
       loss_of_income_max_ore_per_day = $12, is_example = false,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING *`,
    [id, version, ...rateParams(m)],
  );
  return row;
}

export async function claimsUsingModel(db: Queryable, id: string): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*) AS n FROM compensation_claims WHERE rate_model_id = $1', [id]);
  return r?.n ?? 0;
}

// ---- participants ----

const PARTICIPANT = `SELECT pa.*, p.name AS person_name, p.email AS person_email, p.home_owner, g.name AS group_name, g.owner AS group_owner
  FROM compensation_participants pa JOIN persons p ON p.id = pa.person_id JOIN groups g ON g.id = pa.group_id`;

export async function getParticipant(db: Queryable, id: string, forUpdate = false): Promise<ParticipantRow | undefined> {
  return selectRow<ParticipantRow>(db, `${PARTICIPANT} WHERE pa.id = $1${forUpdate ? ' FOR UPDATE OF pa' : ''}`, [id]);
}

export async function findParticipant(db: Queryable, personId: string, groupId: string) {
  return selectRow<ParticipantRow>(db, `${PARTICIPANT} WHERE pa.person_id = $1 AND pa.group_id = $2`, [personId, groupId]);
}

export function listParticipants(db: Queryable, f: { visibility: Visibility | undefined; personId?: string }) {
  const w = new Filters();
  addVisibility(w, f.visibility);
  if (f.personId) w.add('p.id = ?::uuid', f.personId);
  return selectRows<ParticipantRow>(
    db,
    `${PARTICIPANT} ${w.where} ORDER BY sv_key(p.name) COLLATE "C", sv_key(g.name) COLLATE "C", pa.id`,
    w.params,
  );
}

export async function insertParticipant(
  db: Queryable,
  p: {
    personId: string;
    groupId: string;
    recruitedOn: string;
    recruitedBy: string;
    introducedOn: string | null;
    introducedBy: string | null;
    notes: string | null;
  },
): Promise<ParticipantRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO compensation_participants (person_id, group_id, recruited_on, recruited_by, introduced_on, introduced_by, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [p.personId, p.groupId, p.recruitedOn, p.recruitedBy, p.introducedOn, p.introducedBy, p.notes],
  );
  return (await getParticipant(db, row!.id))!;
}

export async function updateParticipant(
  db: Queryable,
  id: string,
  version: number,
  p: { recruitedOn: string; recruitedBy: string; introducedOn: string | null; introducedBy: string | null; notes: string | null },
): Promise<ParticipantRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE compensation_participants SET recruited_on = $3, recruited_by = $4, introduced_on = $5, introduced_by = $6, notes = $7,
       version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, p.recruitedOn, p.recruitedBy, p.introducedOn, p.introducedBy, p.notes],
  );
  return rows[0] ? getParticipant(db, id) : undefined;
}

// ---- assignments ----

const ASSIGNMENT = `SELECT a.*, a.assignment_date AS date, pa.person_id, pa.group_id, g.name AS group_name, g.owner AS group_owner, c.id AS claim_id,
    p.name AS person_name, p.email AS person_email
  FROM compensation_assignments a JOIN compensation_participants pa ON pa.id = a.participant_id
  JOIN groups g ON g.id = pa.group_id JOIN persons p ON p.id = pa.person_id
  LEFT JOIN compensation_claims c ON c.assignment_id = a.id`;

export async function getAssignment(db: Queryable, id: string): Promise<AssignmentRow | undefined> {
  return selectRow<AssignmentRow>(db, `${ASSIGNMENT} WHERE a.id = $1`, [id]);
}

export const assignmentsOfParticipant = (db: Queryable, participantId: string) =>
  selectRows<AssignmentRow>(db, `${ASSIGNMENT} WHERE a.participant_id = $1 ORDER BY a.assignment_date DESC, a.id`, [
    participantId,
  ]);

export const assignmentsOfPerson = (db: Queryable, personId: string) =>
  selectRows<AssignmentRow>(db, `${ASSIGNMENT} WHERE pa.person_id = $1 ORDER BY a.assignment_date DESC, a.id`, [personId]);

export async function insertAssignment(
  db: Queryable,
  a: { participantId: string; kind: string; date: string; timeUnit: string; minutes: number | null; description: string },
): Promise<AssignmentRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO compensation_assignments (participant_id, kind, assignment_date, time_unit, minutes, description)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.participantId, a.kind, a.date, a.timeUnit, a.minutes, a.description],
  );
  return (await getAssignment(db, row!.id))!;
}

// ---- claims ----

const CLAIM = `SELECT c.*, p.name AS person_name, p.email AS person_email, g.name AS group_name, g.owner AS group_owner,
    a.assignment_date AS date, a.kind, a.time_unit, a.minutes, a.description
  FROM compensation_claims c JOIN persons p ON p.id = c.person_id JOIN groups g ON g.id = c.group_id
  JOIN compensation_assignments a ON a.id = c.assignment_id`;

export async function getClaim(db: Queryable, id: string, forUpdate = false): Promise<ClaimRow | undefined> {
  return selectRow<ClaimRow>(db, `${CLAIM} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
}

/**
 * What a caller may see: everything (undefined), or the groups of some owners, some single
 * groups (group-scoped roles) and their own claims (by e-mail).
 */
export interface Visibility {
  owners: string[];
  groupIds: string[];
  email: string | null;
}

/** Restricts a query over claims/participants/assignments (aliases g, p) to what the caller may see. */
export function addVisibility(w: Filters, v: Visibility | undefined) {
  if (!v) return;
  w.add(
    '(g.owner = ANY(?::text[]) OR g.id::text = ANY(?::text[]) OR (p.email IS NOT NULL AND p.email = ?))',
    v.owners,
    v.groupIds,
    v.email ?? '',
  );
}

export interface ClaimFilter {
  visibility: Visibility | undefined;
  personId?: string;
  groupId?: string;
  status?: string;
  /** Any of these statuses (e.g. the payable ones). */
  statuses?: readonly ClaimStatus[];
  year?: number;
}

export function listClaims(db: Queryable, f: ClaimFilter): Promise<ClaimRow[]> {
  const w = new Filters();
  addVisibility(w, f.visibility);
  if (f.personId) w.add('c.person_id = ?::uuid', f.personId);
  if (f.groupId) w.add('c.group_id = ?::uuid', f.groupId);
  if (f.status) w.add('c.status = ?', f.status);
  if (f.statuses) w.add('c.status = ANY(?::text[])', [...f.statuses]);
  if (f.year)
    w.add(`a.assignment_date >= make_date(?::int, 1, 1) AND a.assignment_date < make_date(?::int + 1, 1, 1)`, f.year, f.year);
  return selectRows<ClaimRow>(
    db,
    `${CLAIM} ${w.where} ORDER BY a.assignment_date DESC, c.submitted_at DESC, c.id LIMIT 5000`,
    w.params,
  );
}

export interface ClaimWrite {
  distanceKm: number;
  travelCostsOre: number;
  lossOfIncomeOre: number;
  note: string | null;
  rateModelId: string;
  rates: Record<string, number | null | undefined>;
  feeOre: number;
  mileageOre: number;
  totalOre: number;
}

export async function insertClaim(
  db: Queryable,
  c: ClaimWrite & { assignmentId: string; personId: string; groupId: string; submittedBy: string | null },
): Promise<ClaimRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO compensation_claims (assignment_id, person_id, group_id, status, distance_km, travel_costs_ore, note, rate_model_id,
       rates, fee_ore, mileage_ore, total_ore, submitted_by, loss_of_income_ore)
     VALUES ($1, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      c.assignmentId,
      c.personId,
      c.groupId,
      c.distanceKm,
      c.travelCostsOre,
      c.note,
      c.rateModelId,
      JSON.stringify(c.rates),
      c.feeOre,
      c.mileageOre,
      c.totalOre,
      c.submittedBy,
      c.lossOfIncomeOre,
    ],
  );
  return (await getClaim(db, row!.id))!;
}

/** Optimistic: the row moves only from the state the use case saw, at the version it saw. */
export async function setClaimStatus(
  db: Queryable,
  id: string,
  from: ClaimStatus,
  version: number,
  s: {
    status: ClaimStatus;
    /** A decision (approve, return) stamps who decided, when, and the comment. */
    decision: boolean;
    decidedBy?: string | null;
    comment?: string | null;
    values?: ClaimWrite;
    submittedBy?: string | null;
  },
): Promise<ClaimRow | undefined> {
  const v = s.values;
  const rows = await db.query<{ id: string }>(
    `UPDATE compensation_claims SET status = $4,
       decided_at = CASE WHEN $5::boolean THEN now() ELSE decided_at END,
       decided_by = CASE WHEN $5::boolean THEN $6::uuid ELSE decided_by END,
       decision_comment = CASE WHEN $5::boolean THEN $7 ELSE decision_comment END,
       distance_km = coalesce($8, distance_km), travel_costs_ore = coalesce($9, travel_costs_ore),
       note = CASE WHEN $8::int IS NULL THEN note ELSE $10 END,
       rate_model_id = coalesce($11, rate_model_id), rates = coalesce($12::jsonb, rates),
       fee_ore = coalesce($13, fee_ore), mileage_ore = coalesce($14, mileage_ore), total_ore = coalesce($15, total_ore),
       submitted_at = CASE WHEN $4 = 'submitted' THEN now() ELSE submitted_at END,
       submitted_by = CASE WHEN $4 = 'submitted' THEN $16::uuid ELSE submitted_by END,
       loss_of_income_ore = coalesce($17, loss_of_income_ore),
       version = version + 1
     WHERE id = $1 AND status = $2 AND version = $3 RETURNING id`,
    [
      id,
      from,
      version,
      s.status,
      s.decision,
      s.decidedBy ?? null,
      s.comment ?? null,
      v?.distanceKm ?? null,
      v?.travelCostsOre ?? null,
      v?.note ?? null,
      v?.rateModelId ?? null,
      v ? JSON.stringify(v.rates) : null,
      v?.feeOre ?? null,
      v?.mileageOre ?? null,
      v?.totalOre ?? null,
      s.submittedBy ?? null,
      v?.lossOfIncomeOre ?? null,
    ],
  );
  return rows[0] ? getClaim(db, id) : undefined;
}

export function listAssignments(
  db: Queryable,
  f: { visibility: Visibility | undefined; personId?: string; unclaimed?: boolean },
) {
  const w = new Filters();
  addVisibility(w, f.visibility);
  if (f.personId) w.add('pa.person_id = ?::uuid', f.personId);
  if (f.unclaimed) w.add('c.id IS NULL');
  return selectRows<AssignmentRow>(db, `${ASSIGNMENT} ${w.where} ORDER BY a.assignment_date DESC, a.id LIMIT 2000`, w.params);
}
