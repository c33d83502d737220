import type { Queryable } from '../../platform/db/index.js';
import { selectRow } from '../../platform/db/rows.js';

/** The scheduled sync's memory of its source (migration 0038): the validators for the next conditional GET. */
export interface SyncState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  checkedAt: Date | null;
  changedAt: Date | null;
  lastOutcome: 'imported' | 'not-modified' | 'failed' | null;
  lastError: string | null;
}

export async function getSyncState(db: Queryable, url: string): Promise<SyncState | undefined> {
  return selectRow<SyncState>(db, 'SELECT * FROM knowledge_catalogue_sync WHERE url = $1', [url]);
}

export async function saveSyncState(
  db: Queryable,
  url: string,
  s: {
    outcome: 'imported' | 'not-modified' | 'failed';
    etag?: string | null;
    lastModified?: string | null;
    error?: string | null;
  },
): Promise<void> {
  const changed = s.outcome === 'imported';
  await db.query(
    `INSERT INTO knowledge_catalogue_sync (url, etag, last_modified, checked_at, changed_at, last_outcome, last_error)
     VALUES ($1, $2, $3, now(), CASE WHEN $4 THEN now() END, $5, $6)
     ON CONFLICT (url) DO UPDATE SET
       etag = CASE WHEN $4 THEN EXCLUDED.etag ELSE knowledge_catalogue_sync.etag END,
       last_modified = CASE WHEN $4 THEN EXCLUDED.last_modified ELSE knowledge_catalogue_sync.last_modified END,
       checked_at = now(),
       changed_at = CASE WHEN $4 THEN now() ELSE knowledge_catalogue_sync.changed_at END,
       last_outcome = EXCLUDED.last_outcome, last_error = EXCLUDED.last_error`,
    [url, s.etag ?? null, s.lastModified ?? null, changed, s.outcome, s.error ?? null],
  );
}
