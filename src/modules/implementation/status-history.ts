/** SQL for the history of one implementation status (implementation_status_history), newest first. */
import type { Queryable } from '../../platform/db/index.js';
import type { ImplementationState } from './rules/implementation.js';

export async function statusHistory(db: Queryable, statusId: string) {
  const rows = await db.query<{ status: ImplementationState; valid_from: string; recorded_at: Date }>(
    `SELECT status, valid_from::text AS valid_from, recorded_at FROM implementation_status_history
     WHERE status_id = $1 ORDER BY valid_from DESC, recorded_at DESC LIMIT 500`,
    [statusId],
  );
  return rows.map((r) => ({ status: r.status, validFrom: r.valid_from, recordedAt: r.recorded_at.toISOString() }));
}
