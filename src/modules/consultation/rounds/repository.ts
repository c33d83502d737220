import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import { Filters } from '../../../platform/db/sql.js';
import type { AnyTrack as RoundTrack } from '../../../shared/round-vocabulary.js';
import type { RoundStatus } from '../rules/round-lifecycle.js';
import type { ConsultationRound, RoundDocument } from './schemas.js';

/** The only SQL for consultation rounds, their recipients and documents. */

type RoundApi = Static<typeof ConsultationRound>;

/**
 * A round as the API shows it, less what the presenter adds (the phase and labels counted from
 * today, its recipients and documents, the caller's permissions), with the vocabulary's types for
 * its tracks and status and who registered it.
 */
export type RoundRow = Omit<
  RoundApi,
  | 'track'
  | 'proposedTrack'
  | 'status'
  | 'trackLabel'
  | 'trackAgency'
  | 'steps'
  | 'phase'
  | 'recipients'
  | 'documents'
  | 'allowedActions'
  | 'mayEdit'
> & {
  track: RoundTrack;
  proposedTrack: RoundTrack;
  status: RoundStatus;
  createdBy: string | null;
};

/** Every column of a round, camelCased, with its support's id, title and type and the version's label joined in. */
const SELECT_ROUND = `SELECT r.*, v.support_id, v.label AS version_label, s.title AS support_title, s.type AS support_type
  FROM consultation_rounds r
  JOIN knowledge_support_versions v ON v.id = r.support_version_id
  JOIN knowledge_supports s ON s.id = v.support_id`;

export interface RoundFilter {
  supportId?: string;
  supportVersionId?: string;
  track?: string;
  /** Relative to today; 'aktuell' = planned or open. */
  phase?: 'planerad' | 'oppen' | 'stangd' | 'avbruten' | 'aktuell' | undefined;
  recipient?: string;
  updatedSince?: string;
  today: string;
  limit: number;
}

export async function listRounds(db: Queryable, f: RoundFilter): Promise<RoundRow[]> {
  const w = new Filters();
  if (f.supportId) w.add('v.support_id = ?::uuid', f.supportId);
  if (f.supportVersionId) w.add('r.support_version_id = ?::uuid', f.supportVersionId);
  if (f.track) w.add('r.track = ?', f.track);
  if (f.updatedSince) w.add('r.updated_at >= ?::timestamptz', f.updatedSince);
  if (f.recipient) {
    w.add('EXISTS (SELECT 1 FROM consultation_round_recipients x WHERE x.round_id = r.id AND x.recipient_id = ?)', f.recipient);
  }
  switch (f.phase) {
    case 'avbruten':
      w.add(`r.status = 'avbruten'`);
      break;
    case 'planerad':
      w.add(`r.status = 'aktiv' AND r.opens_on > ?::date`, f.today);
      break;
    case 'oppen':
      w.add(`r.status = 'aktiv' AND r.opens_on <= ?::date AND r.closes_on >= ?::date`, f.today, f.today);
      break;
    case 'stangd':
      w.add(`r.status = 'aktiv' AND r.closes_on < ?::date`, f.today);
      break;
    case 'aktuell':
      w.add(`r.status = 'aktiv' AND r.closes_on >= ?::date`, f.today);
      break;
    case undefined:
      break;
  }
  const limit = w.param(f.limit);
  const order = f.phase === 'stangd' ? 'r.closes_on DESC, r.id' : 'r.closes_on, r.opens_on, r.id';
  return selectRows<RoundRow>(db, `${SELECT_ROUND} ${w.where} ORDER BY ${order} LIMIT ${limit}`, w.params);
}

export async function getRound(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<RoundRow | undefined> {
  if (opts.forUpdate) await db.query('SELECT id FROM consultation_rounds WHERE id = $1 FOR UPDATE', [id]);
  return selectRow<RoundRow>(db, `${SELECT_ROUND} WHERE r.id = $1`, [id]);
}

/** Active rounds of a version on a track whose window overlaps the given one. */
export async function overlappingRounds(
  db: Queryable,
  versionId: string,
  track: string,
  opens: string,
  closes: string,
  exceptId: string | null,
): Promise<RoundRow[]> {
  return selectRows<RoundRow>(
    db,
    `${SELECT_ROUND} WHERE r.support_version_id = $1 AND r.track = $2 AND r.status = 'aktiv'
       AND r.opens_on <= $4::date AND $3::date <= r.closes_on AND ($5::uuid IS NULL OR r.id <> $5::uuid)`,
    [versionId, track, opens, closes, exceptId],
  );
}

export interface RoundWrite {
  supportVersionId: string;
  track: RoundTrack;
  opensOn: string;
  closesOn: string;
  title: string;
  sender: string;
  proposedTrack: RoundTrack;
  proposedOpensOn: string;
  proposedClosesOn: string;
  trackOverridden: boolean;
  datesOverridden: boolean;
  overrideReason: string | null;
  isDemo: boolean;
  createdBy: string | null;
}

export async function insertRound(db: Queryable, r: RoundWrite): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO consultation_rounds (support_version_id, track, opens_on, closes_on, title, sender, proposed_track,
       proposed_opens_on, proposed_closes_on, track_overridden, dates_overridden, override_reason, is_demo, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      r.supportVersionId,
      r.track,
      r.opensOn,
      r.closesOn,
      r.title,
      r.sender,
      r.proposedTrack,
      r.proposedOpensOn,
      r.proposedClosesOn,
      r.trackOverridden,
      r.datesOverridden,
      r.overrideReason,
      r.isDemo,
      r.createdBy,
    ],
  );
  return row!.id;
}

export async function updateRoundRow(
  db: Queryable,
  id: string,
  version: number,
  r: Pick<
    RoundWrite,
    'track' | 'opensOn' | 'closesOn' | 'title' | 'sender' | 'trackOverridden' | 'datesOverridden' | 'overrideReason'
  >,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_rounds SET track = $3, opens_on = $4, closes_on = $5, title = $6, sender = $7, track_overridden = $8,
       dates_overridden = $9, override_reason = $10, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, r.track, r.opensOn, r.closesOn, r.title, r.sender, r.trackOverridden, r.datesOverridden, r.overrideReason],
  );
  return rows.length > 0;
}

export async function cancelRoundRow(db: Queryable, id: string, version: number, reason: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consultation_rounds SET status = 'avbruten', cancel_reason = $3, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'aktiv' RETURNING id`,
    [id, version, reason],
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------- recipients

/** A recipient as the round shows it, with the round it belongs to. */
export type RecipientRow = RoundApi['recipients'][number] & { roundId: string };

export async function recipientsOf(db: Queryable, roundIds: string[]): Promise<RecipientRow[]> {
  if (roundIds.length === 0) return [];
  return selectRows<RecipientRow>(
    db,
    `SELECT x.round_id, x.recipient_type AS type, x.recipient_id AS id,
       COALESCE(r.name, h.name, x.recipient_id) AS name
     FROM consultation_round_recipients x
     LEFT JOIN regions r ON x.recipient_type = 'region' AND r.code = x.recipient_id
     LEFT JOIN healthcare_regions h ON x.recipient_type = 'healthcare-region' AND h.id = x.recipient_id
     WHERE x.round_id = ANY($1::uuid[])
     ORDER BY x.recipient_type DESC, x.recipient_id`,
    [roundIds],
  );
}

export async function setRecipients(db: Queryable, roundId: string, recipients: { type: string; id: string }[]): Promise<void> {
  await db.query('DELETE FROM consultation_round_recipients WHERE round_id = $1', [roundId]);
  for (const r of recipients) {
    await db.query('INSERT INTO consultation_round_recipients (round_id, recipient_type, recipient_id) VALUES ($1, $2, $3)', [
      roundId,
      r.type,
      r.id,
    ]);
  }
}

export async function knownRecipients(db: Queryable): Promise<{ regions: Set<string>; healthcareRegions: Set<string> }> {
  const regions = await db.query<{ code: string }>('SELECT code FROM regions');
  const hrs = await db.query<{ id: string }>('SELECT id FROM healthcare_regions');
  return { regions: new Set(regions.map((r) => r.code)), healthcareRegions: new Set(hrs.map((h) => h.id)) };
}

// ---------------------------------------------------------------- documents

/** A document as the API shows it, less its download address (the presenter writes it for uploads). */
export type DocumentRow = Omit<Static<typeof RoundDocument>, 'downloadUrl'>;

const DOC_META = 'id, round_id, kind, title, url, file_name, media_type, size_bytes, sha256, created_at';

export async function documentsOf(db: Queryable, roundIds: string[]): Promise<DocumentRow[]> {
  if (roundIds.length === 0) return [];
  return selectRows<DocumentRow>(
    db,
    `SELECT ${DOC_META} FROM consultation_round_documents WHERE round_id = ANY($1::uuid[])
     ORDER BY array_position(ARRAY['utkast','missiv','konsekvensbeskrivning','svarsmall','ovrigt'], kind), created_at, id`,
    [roundIds],
  );
}

export async function getDocument(
  db: Queryable,
  id: string,
): Promise<(DocumentRow & { content: Uint8Array | null }) | undefined> {
  return selectRow<DocumentRow & { content: Uint8Array | null }>(
    db,
    `SELECT ${DOC_META}, content FROM consultation_round_documents WHERE id = $1`,
    [id],
  );
}

export async function insertDocument(
  db: Queryable,
  d: {
    roundId: string;
    kind: string;
    title: string;
    url: string | null;
    fileName: string | null;
    mediaType: string | null;
    content: Uint8Array | null;
    sha256: string | null;
  },
): Promise<DocumentRow> {
  const row = await selectRow<DocumentRow>(
    db,
    `INSERT INTO consultation_round_documents (round_id, kind, title, url, file_name, media_type, content, size_bytes, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DOC_META}`,
    [d.roundId, d.kind, d.title, d.url, d.fileName, d.mediaType, d.content, d.content ? d.content.byteLength : null, d.sha256],
  );
  return row!;
}

export async function deleteDocument(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM consultation_round_documents WHERE id = $1', [id]);
}

// ---------------------------------------------------------------- steps (dates a person enters)

export type StepRow = {
  roundId: string;
  step: string;
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  version: number;
};

export async function stepsOf(db: Queryable, roundIds: string[]): Promise<StepRow[]> {
  if (roundIds.length === 0) return [];
  return selectRows<StepRow>(
    db,
    'SELECT round_id, step, due_on, done_on, note, version FROM consultation_round_steps WHERE round_id = ANY($1::uuid[])',
    [roundIds],
  );
}

/** Writes a step's entry; `expected` 0 means there is none yet. Undefined when the version moved. */
export async function saveStep(
  db: Queryable,
  roundId: string,
  step: string,
  e: { dueOn: string | null; doneOn: string | null; note: string | null },
  expected: number,
  by: string | null,
): Promise<StepRow | undefined> {
  const cols = 'round_id, step, due_on, done_on, note, version';
  if (expected === 0) {
    return selectRow<StepRow>(
      db,
      `INSERT INTO consultation_round_steps (round_id, step, due_on, done_on, note, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (round_id, step) DO NOTHING RETURNING ${cols}`,
      [roundId, step, e.dueOn, e.doneOn, e.note, by],
    );
  }
  return selectRow<StepRow>(
    db,
    `UPDATE consultation_round_steps SET due_on = $3, done_on = $4, note = $5, updated_by = $6, version = version + 1, updated_at = now()
     WHERE round_id = $1 AND step = $2 AND version = $7 RETURNING ${cols}`,
    [roundId, step, e.dueOn, e.doneOn, e.note, by, expected],
  );
}

export async function touchRound(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE consultation_rounds SET updated_at = now() WHERE id = $1', [id]);
}
