import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import type { JointStatus } from '../rules/joint-lifecycle.js';
import type { Joint } from '../schemas.js';
import type { SectionRow } from './answers.js';

/**
 * A joint answer's own fields as the API shows them, its groups flat (the presenter pairs each id
 * with its name as `coordinatingGroup` and `approvingGroup`).
 */
export type JointRow = Pick<
  Static<typeof Joint>,
  | 'id'
  | 'roundId'
  | 'healthcareRegionId'
  | 'healthcareRegionName'
  | 'status'
  | 'approvalRef'
  | 'approvedOn'
  | 'sentOn'
  | 'version'
> & {
  status: JointStatus;
  coordinatingGroupId: string;
  coordinatingGroupName: string;
  approvingGroupId: string;
  approvingGroupName: string;
  createdAt: string;
  updatedAt: string;
};

const JOINT = `SELECT j.*, h.name AS healthcare_region_name, cg.name AS coordinating_group_name, ag.name AS approving_group_name
  FROM consultation_joint_answers j JOIN healthcare_regions h ON h.id = j.healthcare_region_id
  JOIN groups cg ON cg.id = j.coordinating_group_id JOIN groups ag ON ag.id = j.approving_group_id`;

export async function getJoint(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<JointRow | undefined> {
  return selectRow<JointRow>(db, `${JOINT} WHERE j.id = $1${opts.forUpdate ? ' FOR UPDATE OF j' : ''}`, [id]);
}

export async function jointsOfRounds(db: Queryable, roundIds: string[]): Promise<JointRow[]> {
  if (!roundIds.length) return [];
  return selectRows<JointRow>(db, `${JOINT} WHERE j.round_id = ANY($1::uuid[]) ORDER BY j.healthcare_region_id`, [roundIds]);
}

export async function listJoints(db: Queryable): Promise<JointRow[]> {
  return selectRows<JointRow>(db, `${JOINT} ORDER BY j.created_at DESC, j.id LIMIT 500`);
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

/** The columns a joint step writes besides its status. */
export type JointSet = Partial<Pick<JointRow, 'approvalRef' | 'approvedOn' | 'sentOn'>>;

export async function updateJoint(
  db: Queryable,
  id: string,
  version: number,
  set: JointSet & { status: JointStatus },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_joint_answers SET status = $3, approval_ref = COALESCE($4, approval_ref), approved_on = COALESCE($5::date, approved_on),
       sent_on = COALESCE($6::date, sent_on), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, set.status, set.approvalRef ?? null, set.approvedOn ?? null, set.sentOn ?? null],
  );
  return rows.length === 1;
}

/** A joint section's columns under the API's names (its answer is the joint answer). */
const JOINT_SECTION = `id, joint_answer_id AS answer_id, position, heading, body, updated_by_label AS updated_by, version, updated_at`;

export async function jointSectionsOf(db: Queryable, jointId: string): Promise<SectionRow[]> {
  return selectRows<SectionRow>(
    db,
    `SELECT ${JOINT_SECTION} FROM consultation_joint_sections WHERE joint_answer_id = $1 ORDER BY position`,
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

export async function getJointSection(db: Queryable, id: string): Promise<SectionRow | undefined> {
  return selectRow<SectionRow>(db, `SELECT ${JOINT_SECTION} FROM consultation_joint_sections WHERE id = $1`, [id]);
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
