import type { Static } from 'typebox';
import type { Queryable } from '../../../platform/db/index.js';
import { selectRow, selectRows } from '../../../platform/db/rows.js';
import type { AnyTrack as RoundTrack } from '../../../shared/round-vocabulary.js';
import type { RoundStatus } from '../rules/round-lifecycle.js';
import type { Round } from '../schemas.js';
/** The rounds as the answers read them (the rounds' own SQL is in rounds/repository.ts). */

/** A round as an answer shows it: the API's `Round`, with the lifecycle's types for its track and status. */
export type RoundRow = Static<typeof Round> & { track: RoundTrack; status: RoundStatus };

const ROUND = `SELECT r.id, r.title, r.track, r.opens_on, r.closes_on, r.status, r.sender, s.title AS support_title, v.label AS version_label
  FROM consultation_rounds r
  LEFT JOIN knowledge_support_versions v ON v.id = r.support_version_id
  LEFT JOIN knowledge_supports s ON s.id = v.support_id`;

export async function getRound(db: Queryable, id: string): Promise<RoundRow | undefined> {
  return selectRow<RoundRow>(db, `${ROUND} WHERE r.id = $1`, [id]);
}

/** Rounds still open on a day (closing that day or later), soonest deadline first. */
export async function openRounds(db: Queryable, today: string): Promise<RoundRow[]> {
  return selectRows<RoundRow>(
    db,
    `${ROUND} WHERE r.status = 'aktiv' AND r.closes_on >= $1::date ORDER BY r.closes_on, r.title, r.id LIMIT 500`,
    [today],
  );
}
