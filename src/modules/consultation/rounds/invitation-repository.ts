import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import type { Invitation } from './schemas.js';

/** The only SQL for the invitations to answer an öppen nationell remiss (seed 002). */
export type InvitationRow = Static<typeof Invitation>;

const COLS = 'id, round_id, organisation, organisation_kind, contact_email, answer, answered_at, created_at';

export async function invitationsOf(db: Queryable, roundId: string): Promise<InvitationRow[]> {
  return selectRows<InvitationRow>(
    db,
    `SELECT ${COLS} FROM consultation_invitations WHERE round_id = $1 ORDER BY sv_key(organisation) COLLATE "C", organisation, id`,
    [roundId],
  );
}

export async function invitationByOrganisation(db: Queryable, roundId: string, organisation: string) {
  return selectRow<InvitationRow>(
    db,
    `SELECT ${COLS} FROM consultation_invitations WHERE round_id = $1 AND lower(organisation) = lower($2)`,
    [roundId, organisation],
  );
}

export async function invitationByTokenHash(db: Queryable, id: string, hash: string, opts: { forUpdate?: boolean } = {}) {
  return selectRow<InvitationRow>(
    db,
    `SELECT ${COLS} FROM consultation_invitations WHERE id = $1::uuid AND token_hash = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id, hash],
  );
}

export async function insertInvitation(
  db: Queryable,
  i: {
    roundId: string;
    organisation: string;
    organisationKind: string;
    contactEmail: string;
    tokenHash: string;
    invitedBy: string | null;
  },
): Promise<InvitationRow> {
  return (await selectRow<InvitationRow>(
    db,
    `INSERT INTO consultation_invitations (round_id, organisation, organisation_kind, contact_email, token_hash, invited_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLS}`,
    [i.roundId, i.organisation, i.organisationKind, i.contactEmail, i.tokenHash, i.invitedBy],
  ))!;
}

export async function saveInvitationAnswer(db: Queryable, id: string, answer: string): Promise<InvitationRow> {
  return (await selectRow<InvitationRow>(
    db,
    `UPDATE consultation_invitations SET answer = $2, answered_at = now() WHERE id = $1 RETURNING ${COLS}`,
    [id, answer],
  ))!;
}
