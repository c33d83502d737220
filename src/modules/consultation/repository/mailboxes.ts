import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import type { Forwarding, Mailbox } from '../rounds/schemas.js';

/** The only SQL for the regions' funktionsbrevlådor, their contact persons and the forwardings (seed 002). */
export type MailboxRow = Omit<Static<typeof Mailbox>, 'mayEdit' | 'mayForward' | 'address'> & { address: string };
export type ForwardingRow = Static<typeof Forwarding>;

export async function getMailbox(db: Queryable, region: string, opts: { forUpdate?: boolean } = {}) {
  return selectRow<MailboxRow>(
    db,
    `SELECT region_code AS region, address, contacts, version FROM consultation_mailboxes WHERE region_code = $1${
      opts.forUpdate ? ' FOR UPDATE' : ''
    }`,
    [region],
  );
}

/** Writes the mailbox; `expected` 0 = none yet. Undefined when the version moved. */
export async function saveMailbox(
  db: Queryable,
  region: string,
  m: { address: string; contacts: { name: string; email: string }[] },
  expected: number,
): Promise<MailboxRow | undefined> {
  const cols = 'region_code AS region, address, contacts, version';
  if (expected === 0) {
    return selectRow<MailboxRow>(
      db,
      `INSERT INTO consultation_mailboxes (region_code, address, contacts) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (region_code) DO NOTHING RETURNING ${cols}`,
      [region, m.address, JSON.stringify(m.contacts)],
    );
  }
  return selectRow<MailboxRow>(
    db,
    `UPDATE consultation_mailboxes SET address = $2, contacts = $3::jsonb, version = version + 1, updated_at = now()
     WHERE region_code = $1 AND version = $4 RETURNING ${cols}`,
    [region, m.address, JSON.stringify(m.contacts), expected],
  );
}

const FORWARDING = `SELECT f.id, f.round_id, r.title AS round_title, f.region_code AS region, f.forwarded_by_name,
    f.forwarded_by_email, f.forwarded_to, f.forwarded_on, f.note, f.created_at
  FROM consultation_forwardings f JOIN consultation_rounds r ON r.id = f.round_id`;

export async function forwardingsOf(db: Queryable, region: string, roundId: string | undefined): Promise<ForwardingRow[]> {
  return selectRows<ForwardingRow>(
    db,
    `${FORWARDING} WHERE f.region_code = $1 AND ($2::uuid IS NULL OR f.round_id = $2::uuid)
     ORDER BY f.forwarded_on DESC, f.created_at DESC, f.id`,
    [region, roundId ?? null],
  );
}

export async function insertForwarding(
  db: Queryable,
  f: {
    roundId: string;
    region: string;
    forwardedByName: string;
    forwardedByEmail: string;
    forwardedTo: string;
    forwardedOn: string;
    note: string | null;
    recordedBy: string | null;
  },
): Promise<ForwardingRow> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO consultation_forwardings (round_id, region_code, forwarded_by_name, forwarded_by_email, forwarded_to,
       forwarded_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [f.roundId, f.region, f.forwardedByName, f.forwardedByEmail, f.forwardedTo, f.forwardedOn, f.note, f.recordedBy],
  );
  return (await selectRow<ForwardingRow>(db, `${FORWARDING} WHERE f.id = $1`, [row!.id]))!;
}
