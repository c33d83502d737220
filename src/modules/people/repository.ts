import type { Queryable } from '../../platform/db/index.js';
import { Filters, foldLike } from '../../platform/db/sql.js';

/** The only SQL for persons, jäv declarations and memberships. */

export interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  employer: string | null;
  employer_type: string | null;
  profession: string | null;
  hsa_id: string | null;
  home_owner: string;
  is_demo: boolean;
  anonymised_at: Date | null;
  version: number;
  created_at: Date;
  sort_key: string;
}

export interface DeclarationRow {
  id: string;
  person_id: string;
  nothing_to_declare: boolean;
  interests: unknown[];
  status: 'submitted' | 'approved' | 'approved-with-restrictions' | 'returned';
  submitted_at: Date;
  submitted_by: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_comment: string | null;
  restrictions: unknown[];
  valid_until: string | null;
  version: number;
}

export interface MembershipRow {
  id: string;
  group_id: string;
  person_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  override_reason: string | null;
  represents: string | null;
  care_sector: string | null;
  ended_early_reason: string | null;
  nomination_id: string | null;
  version: number;
  created_at: Date;
  person_name: string;
  person_employer: string | null;
  group_name: string;
  /** The person's latest jäv declaration: an expired or missing one flags the seat. */
  declaration_id: string | null;
  declaration_status: DeclarationRow['status'] | null;
  declaration_submitted_at: Date | null;
  declaration_valid_until: string | null;
}

const PERSON = 'SELECT *, sv_key(name) AS sort_key FROM persons';

export async function insertPerson(
  db: Queryable,
  p: {
    name: string;
    email: string | null;
    employer: string | null;
    employerType: string | null;
    profession: string | null;
    hsaId: string | null;
    homeOwner: string;
    isDemo?: boolean;
  },
): Promise<PersonRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO persons (name, email, employer, employer_type, profession, hsa_id, home_owner, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.name, p.email, p.employer, p.employerType, p.profession, p.hsaId, p.homeOwner, p.isDemo ?? false],
  );
  return (await getPerson(db, row!.id))!;
}

export async function getPerson(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<PersonRow | undefined> {
  return (await db.query<PersonRow>(`${PERSON} WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0];
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<PersonRow | undefined> {
  return (await db.query<PersonRow>(`${PERSON} WHERE email = $1`, [email]))[0];
}

export async function listPersons(
  db: Queryable,
  f: { owners?: string[]; q?: string; after?: [string, string]; limit: number },
): Promise<PersonRow[]> {
  const w = new Filters();
  if (f.owners) w.add('home_owner = ANY(?::text[])', f.owners);
  if (f.q) w.add(`(sv_fold(name) LIKE ? OR coalesce(email, '') LIKE ?)`, `%${foldLike(f.q)}%`, `%${f.q.toLowerCase()}%`);
  if (f.after) w.add(`(sv_key(name) COLLATE "C", id) > (? COLLATE "C", ?::uuid)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return db.query<PersonRow>(`${PERSON} ${w.where} ORDER BY sv_key(name) COLLATE "C", id LIMIT ${limit}`, w.params);
}

export async function updatePersonRow(
  db: Queryable,
  id: string,
  version: number,
  p: {
    name: string;
    email: string | null;
    employer: string | null;
    employerType: string | null;
    profession: string | null;
    hsaId: string | null;
  },
): Promise<PersonRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE persons SET name = $3, email = $4, employer = $5, employer_type = $6, profession = $7, hsa_id = $8,
       version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, p.name, p.email, p.employer, p.employerType, p.profession, p.hsaId],
  );
  return rows[0] ? getPerson(db, id) : undefined;
}

export async function insertDeclaration(
  db: Queryable,
  d: { personId: string; nothingToDeclare: boolean; interests: unknown[]; submittedBy: string | null },
) {
  const [row] = await db.query<DeclarationRow>(
    `INSERT INTO jav_declarations (person_id, nothing_to_declare, interests, submitted_by) VALUES ($1, $2, $3, $4) RETURNING *`,
    [d.personId, d.nothingToDeclare, JSON.stringify(d.interests), d.submittedBy],
  );
  return row!;
}

export async function getDeclaration(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DeclarationRow | undefined> {
  return (
    await db.query<DeclarationRow>(`SELECT * FROM jav_declarations WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id])
  )[0];
}

export async function declarationsOf(db: Queryable, personId: string): Promise<DeclarationRow[]> {
  return db.query<DeclarationRow>('SELECT * FROM jav_declarations WHERE person_id = $1 ORDER BY submitted_at DESC, id', [
    personId,
  ]);
}

export async function declarationQueue(
  db: Queryable,
  owners: string[] | undefined,
): Promise<(DeclarationRow & { person_name: string; home_owner: string })[]> {
  return db.query(
    `SELECT d.*, p.name AS person_name, p.home_owner FROM jav_declarations d JOIN persons p ON p.id = d.person_id
     WHERE d.status = 'submitted' ${owners ? 'AND p.home_owner = ANY($1::text[])' : ''} ORDER BY d.submitted_at, d.id`,
    owners ? [owners] : [],
  );
}

/** Optimistic: only a submitted declaration can be reviewed, exactly once. */
export async function reviewDeclaration(
  db: Queryable,
  id: string,
  r: {
    status: DeclarationRow['status'];
    reviewedBy: string | null;
    comment: string | null;
    restrictions: unknown[];
    validUntil: string | null;
  },
): Promise<DeclarationRow | undefined> {
  const [row] = await db.query<DeclarationRow>(
    `UPDATE jav_declarations SET status = $2, reviewed_by = $3, reviewed_at = now(), review_comment = $4, restrictions = $5,
       valid_until = $6, version = version + 1
     WHERE id = $1 AND status = 'submitted' RETURNING *`,
    [id, r.status, r.reviewedBy, r.comment, JSON.stringify(r.restrictions), r.validUntil],
  );
  return row;
}

const MEMBERSHIP = `SELECT m.*, p.name AS person_name, p.employer AS person_employer, g.name AS group_name,
    d.id AS declaration_id, d.status AS declaration_status, d.submitted_at AS declaration_submitted_at,
    d.valid_until AS declaration_valid_until
  FROM memberships m
  JOIN persons p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id
  LEFT JOIN LATERAL (
    SELECT id, status, submitted_at, valid_until FROM jav_declarations
    WHERE person_id = m.person_id ORDER BY submitted_at DESC, id LIMIT 1
  ) d ON true`;

export async function membershipsOfGroup(db: Queryable, groupId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `${MEMBERSHIP} WHERE m.group_id = $1 ORDER BY m.role, sv_key(p.name) COLLATE "C", m.start_date`,
    [groupId],
  );
}

export async function membershipsOfPerson(db: Queryable, personId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(`${MEMBERSHIP} WHERE m.person_id = $1 ORDER BY m.start_date DESC, m.id`, [personId]);
}

export async function insertMembership(
  db: Queryable,
  m: {
    groupId: string;
    personId: string;
    role: string;
    startDate: string;
    endDate: string | null;
    overrideReason: string | null;
    represents?: string | null;
    careSector?: string | null;
    nominationId?: string | null;
  },
): Promise<MembershipRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO memberships (group_id, person_id, role, start_date, end_date, override_reason, represents, nomination_id, care_sector)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      m.groupId,
      m.personId,
      m.role,
      m.startDate,
      m.endDate,
      m.overrideReason,
      m.represents ?? null,
      m.nominationId ?? null,
      m.careSector ?? null,
    ],
  );
  return (await getMembership(db, row!.id))!;
}

export async function getMembership(db: Queryable, id: string): Promise<MembershipRow | undefined> {
  return (await db.query<MembershipRow>(`${MEMBERSHIP} WHERE m.id = $1`, [id]))[0];
}

/** Locks the row for an edit; the joined row is read afterwards. */
export async function lockMembership(
  db: Queryable,
  id: string,
): Promise<{ id: string; group_id: string; version: number } | undefined> {
  return (
    await db.query<{ id: string; group_id: string; version: number }>(
      'SELECT id, group_id, version FROM memberships WHERE id = $1 FOR UPDATE',
      [id],
    )
  )[0];
}

/** Optimistic update of a seat's role, period, region and reasons; undefined when the version moved. */
export async function updateMembershipRow(
  db: Queryable,
  id: string,
  version: number,
  m: {
    role: string;
    startDate: string;
    endDate: string | null;
    represents: string | null;
    careSector: string | null;
    overrideReason: string | null;
    endedEarlyReason: string | null;
  },
): Promise<MembershipRow | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE memberships SET role = $3, start_date = $4, end_date = $5, represents = $6, override_reason = $7,
       ended_early_reason = $8, care_sector = $9, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, m.role, m.startDate, m.endDate, m.represents, m.overrideReason, m.endedEarlyReason, m.careSector],
  );
  return rows[0] ? getMembership(db, id) : undefined;
}

/** Memberships of the group that run past a date (open-ended ones included). */
export async function activeMembershipCount(db: Queryable, groupId: string, after: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM memberships WHERE group_id = $1 AND (end_date IS NULL OR end_date > $2::date)`,
    [groupId, after],
  );
  return row?.n ?? 0;
}

/** The groups a person sits in or has sat in (id and owner): the registers that reach them beside their own. */
export async function groupsOfPerson(db: Queryable, personId: string): Promise<{ id: string; owner: string }[]> {
  return db.query<{ id: string; owner: string }>(
    'SELECT DISTINCT g.id, g.owner FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.person_id = $1',
    [personId],
  );
}
