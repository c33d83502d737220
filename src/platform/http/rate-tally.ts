import { hitRateLimit } from '../auth/repository.js';
import type { Queryable } from '../db/index.js';

/**
 * Hits of the read limits (search, open data) counted in the shared `rate_limits` row, but,
 * while a caller is far from its limit, written at most every {@link FLUSH_MS} per process and
 * key (issue 20: one row written per request made every search and open-data page queue on its
 * caller's row; fifty connections from one harvester took turns at one row lock).
 *
 * Between two writes a process decides on the total the database last gave it plus the hits it
 * has counted since, and sends those with its next write. Once that total reaches half the
 * limit, every hit is written at once, so the decisions near the limit are the database's, as
 * for sign-in: one process enforces the limit exactly, and several processes together can only
 * overshoot when they all burst within one interval before any has seen half the limit. Hits a
 * process counted but had not yet written when it stopped are lost: at most one interval's
 * worth. Sign-in and exports write every hit (rate-limit.ts).
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
export async function tallyHit(
  db: Queryable,
  key: string,
  limit: { max: number; windowSeconds: number },
): Promise<{ hits: number; resetAt: Date }> {
  const { windowSeconds } = limit;
  const map = talliesFor(db);
  const now = Date.now();
  const t = map.get(key);
  // Counted here only while far from the limit: near it, every hit is written and decided there.
  if (t && now < t.resetAt && now - t.sentAt < FLUSH_MS && (t.known + t.unsent + 1) * 2 < limit.max) {
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
