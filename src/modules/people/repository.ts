import type { Static } from 'typebox';
import type { Queryable } from '../../platform/db/index.js';
import { selectRow, selectRows } from '../../platform/db/rows.js';
import type { DeclarationStatus } from './rules/membership.js';
import type { Declaration, Membership, Person } from './schemas.js';
import { Filters, foldLike } from '../../platform/db/sql.js';

/** The only SQL for persons, jäv declarations and memberships; rows in API shape (platform/db/rows.ts). */

/** A person as the API shows them, with when they were anonymised and their Swedish sort key (the list's cursor). */
export type PersonRecord = Static<typeof Person> & { anonymisedAt: string | null; sortKey: string };

type DeclarationApi = Static<typeof Declaration>;
/**
 * A jäv declaration as the API shows it to those who may see the details (the presenter masks
 * them for others and adds the caller's actions), with who submitted and reviewed it.
 */
export type DeclarationRecord = Omit<
  DeclarationApi,
  'personName' | 'allowedActions' | 'status' | 'nothingToDeclare' | 'interests' | 'restrictions'
> & {
  status: DeclarationStatus;
  nothingToDeclare: boolean;
  interests: NonNullable<DeclarationApi['interests']>;
  restrictions: NonNullable<DeclarationApi['restrictions']>;
  submittedBy: string | null;
  reviewedBy: string | null;
};

/**
 * A seat as the API shows it, less whether the holder's declaration has lapsed (the presenter
 * works it out from the latest declaration joined in here), with the holder's employer for the public view.
 */
export type MembershipRecord = Omit<Static<typeof Membership>, 'declarationLapsed'> & {
  personEmployer: string | null;
  declarationId: string | null;
  declarationStatus: DeclarationRecord['status'] | null;
  declarationSubmittedAt: string | null;
  declarationValidUntil: string | null;
};

const PERSON = `SELECT id, name, email, employer, employer_type, profession, hsa_id, home_owner, is_demo, version, created_at,
    anonymised_at, sv_key(name) AS sort_key
  FROM persons`;

const DECLARATION = `id, person_id, status, submitted_at, reviewed_at, valid_until, nothing_to_declare, interests, restrictions,
  review_comment, version, submitted_by, reviewed_by`;

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
): Promise<PersonRecord> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO persons (name, email, employer, employer_type, profession, hsa_id, home_owner, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.name, p.email, p.employer, p.employerType, p.profession, p.hsaId, p.homeOwner, p.isDemo ?? false],
  );
  return (await getPerson(db, row!.id))!;
}

export async function getPerson(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<PersonRecord | undefined> {
  return selectRow<PersonRecord>(db, `${PERSON} WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

export async function findPersonByEmail(db: Queryable, email: string): Promise<PersonRecord | undefined> {
  return selectRow<PersonRecord>(db, `${PERSON} WHERE email = $1`, [email]);
}

export async function findPersonByHsaId(db: Queryable, hsaId: string): Promise<PersonRecord | undefined> {
  return selectRow<PersonRecord>(db, `${PERSON} WHERE hsa_id = $1`, [hsaId]);
}

export async function listPersons(
  db: Queryable,
  f: { owners?: string[]; q?: string; after?: [string, string]; limit: number },
): Promise<PersonRecord[]> {
  const w = new Filters();
  if (f.owners) w.add('home_owner = ANY(?::text[])', f.owners);
  if (f.q) w.add(`(sv_fold(name) LIKE ? OR coalesce(email, '') LIKE ?)`, `%${foldLike(f.q)}%`, `%${f.q.toLowerCase()}%`);
  if (f.after) w.add(`(sv_key(name) COLLATE "C", id) > (? COLLATE "C", ?::uuid)`, f.after[0], f.after[1]);
  const limit = w.param(f.limit + 1);
  return selectRows<PersonRecord>(db, `${PERSON} ${w.where} ORDER BY sv_key(name) COLLATE "C", id LIMIT ${limit}`, w.params);
}

export async function updatePersonRecord(
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
): Promise<PersonRecord | undefined> {
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
  const row = await selectRow<DeclarationRecord>(
    db,
    `INSERT INTO jav_declarations (person_id, nothing_to_declare, interests, submitted_by) VALUES ($1, $2, $3, $4)
     RETURNING ${DECLARATION}`,
    [d.personId, d.nothingToDeclare, JSON.stringify(d.interests), d.submittedBy],
  );
  return row!;
}

export async function getDeclaration(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DeclarationRecord | undefined> {
  return selectRow<DeclarationRecord>(
    db,
    `SELECT ${DECLARATION} FROM jav_declarations WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

export async function declarationsOf(db: Queryable, personId: string): Promise<DeclarationRecord[]> {
  return selectRows<DeclarationRecord>(
    db,
    `SELECT ${DECLARATION} FROM jav_declarations WHERE person_id = $1 ORDER BY submitted_at DESC, id`,
    [personId],
  );
}

export async function declarationQueue(
  db: Queryable,
  owners: string[] | undefined,
): Promise<(DeclarationRecord & { personName: string; homeOwner: string })[]> {
  return selectRows(
    db,
    `SELECT d.id, d.person_id, d.status, d.submitted_at, d.reviewed_at, d.valid_until, d.nothing_to_declare, d.interests,
       d.restrictions, d.review_comment, d.version, d.submitted_by, d.reviewed_by, p.name AS person_name, p.home_owner
     FROM jav_declarations d JOIN persons p ON p.id = d.person_id
     WHERE d.status = 'submitted' ${owners ? 'AND p.home_owner = ANY($1::text[])' : ''} ORDER BY d.submitted_at, d.id`,
    owners ? [owners] : [],
  );
}

/** Optimistic: only a submitted declaration can be reviewed, exactly once. */
export async function reviewDeclaration(
  db: Queryable,
  id: string,
  r: {
    status: DeclarationRecord['status'];
    reviewedBy: string | null;
    comment: string | null;
    restrictions: unknown[];
    validUntil: string | null;
  },
): Promise<DeclarationRecord | undefined> {
  return selectRow<DeclarationRecord>(
    db,
    `UPDATE jav_declarations SET status = $2, reviewed_by = $3, reviewed_at = now(), review_comment = $4, restrictions = $5,
       valid_until = $6, version = version + 1
     WHERE id = $1 AND status = 'submitted' RETURNING ${DECLARATION}`,
    [id, r.status, r.reviewedBy, r.comment, JSON.stringify(r.restrictions), r.validUntil],
  );
}

const MEMBERSHIP = `SELECT m.id, m.group_id, g.name AS group_name, m.person_id, p.name AS person_name, m.role, m.start_date,
    m.end_date, m.represents, m.care_sector, m.ended_early_reason, m.nomination_id, m.override_reason, m.version, p.employer AS person_employer,
    d.id AS declaration_id, d.status AS declaration_status, d.submitted_at AS declaration_submitted_at,
    d.valid_until AS declaration_valid_until
  FROM memberships m
  JOIN persons p ON p.id = m.person_id JOIN groups g ON g.id = m.group_id
  LEFT JOIN LATERAL (
    SELECT id, status, submitted_at, valid_until FROM jav_declarations
    WHERE person_id = m.person_id ORDER BY submitted_at DESC, id LIMIT 1
  ) d ON true`;

export async function membershipsOfGroup(db: Queryable, groupId: string): Promise<MembershipRecord[]> {
  return selectRows<MembershipRecord>(
    db,
    `${MEMBERSHIP} WHERE m.group_id = $1 ORDER BY m.role, sv_key(p.name) COLLATE "C", m.start_date`,
    [groupId],
  );
}

export async function membershipsOfPerson(db: Queryable, personId: string): Promise<MembershipRecord[]> {
  return selectRows<MembershipRecord>(db, `${MEMBERSHIP} WHERE m.person_id = $1 ORDER BY m.start_date DESC, m.id`, [personId]);
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
): Promise<MembershipRecord> {
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

export async function getMembership(db: Queryable, id: string): Promise<MembershipRecord | undefined> {
  return selectRow<MembershipRecord>(db, `${MEMBERSHIP} WHERE m.id = $1`, [id]);
}

/** Locks the row for an edit; the joined row is read afterwards. */
export async function lockMembership(
  db: Queryable,
  id: string,
): Promise<{ id: string; groupId: string; version: number } | undefined> {
  return selectRow(db, 'SELECT id, group_id, version FROM memberships WHERE id = $1 FOR UPDATE', [id]);
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
): Promise<MembershipRecord | undefined> {
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
