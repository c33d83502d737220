import { hitRateLimit } from '../auth/repository.js';
import type { Queryable } from '../db/index.js';

/**
 * Hits of the read limits (search, open data) counted in the shared `rate_limits` row, but
 * written at most every {@link FLUSH_MS} per process and key (issue 20: one row written per
 * request made every search and open-data page queue on its caller's row; fifty connections
 * from one harvester took turns at one row lock).
 *
 * Between two writes a process decides on the total the database last gave it plus the hits it
 * has counted since, and sends those with its next write. So one process enforces the limit
 * exactly; several processes together may let through at most what each counts in one interval
 * before they learn of the others' hits. Hits a process counted but had not yet written when it
 * stopped are lost: at most one interval's worth. Sign-in and exports keep the exact count of
 * one write per request (rate-limit.ts).
 */
export const FLUSH_MS = 200;

interface Tally {
  /** The key's total as the database last returned it. */
  known: number;
  /** Hits counted here since, not yet written. */
  unsent: number;
  /** When the last write began (ms). */
  sentAt: number;
  resetAt: number;
}

/** Per database handle (one per app), per key. */
const tallies = new WeakMap<object, Map<string, Tally>>();

function talliesFor(db: Queryable): Map<string, Tally> {
  let t = tallies.get(db);
  if (!t) {
    t = new Map();
    tallies.set(db, t);
  }
  return t;
}

/** Keys whose window has ended are forgotten now and then, so the map holds the active callers only. */
function sweep(map: Map<string, Tally>, now: number): void {
  if (map.size < 10_000) return;
  for (const [k, t] of map) if (t.resetAt <= now && t.unsent === 0) map.delete(k);
}

/** Counts one hit for `key`; returns the key's total in its window as this process knows it. */
export async function tallyHit(db: Queryable, key: string, windowSeconds: number): Promise<{ hits: number; resetAt: Date }> {
  const map = talliesFor(db);
  const now = Date.now();
  const t = map.get(key);
  if (t && now < t.resetAt && now - t.sentAt < FLUSH_MS) {
    t.unsent += 1;
    return { hits: t.known + t.unsent, resetAt: new Date(t.resetAt) };
  }
  // Time to write: this hit and those counted since the last write (if still in its window).
  const add = 1 + (t && now < t.resetAt ? t.unsent : 0);
  // Requests that arrive while the write is on its way count here, and go with the next one.
  const tally: Tally = t ?? { known: 0, unsent: 0, sentAt: now, resetAt: now + windowSeconds * 1000 };
  tally.unsent = 0;
  tally.sentAt = now;
  map.set(key, tally);
  sweep(map, now);
  try {
    const { hits, resetAt } = await hitRateLimit(db, key, windowSeconds, add);
    tally.known = hits;
    tally.resetAt = resetAt.getTime();
    return { hits: hits + tally.unsent, resetAt };
  } catch (err) {
    // Not written: the next request writes them.
    tally.unsent += add;
    tally.sentAt = 0;
    throw err;
  }
}
