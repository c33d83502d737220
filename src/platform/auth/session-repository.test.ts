import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/types.js';
import { findSessionActor } from './session-repository.js';

/** A database of sessions by id hash, counting the reads and the ids each asked for. */
function fakeSessions(live: string[]) {
  const reads: string[][] = [];
  const sessions = new Set(live);
  const row = (id: string) => ({
    id_hash: id,
    user_id: `user-${id}`,
    csrf_token: `csrf-${id}`,
    expires_at: new Date('2100-01-01'),
    last_seen_at: new Date(),
    method: 'password',
    id_token_hint: null,
    email: `${id}@example.se`,
    name: id,
    roles: [],
    read_versions: { cases: 1 },
  });
  const db: Queryable = {
    query: <T>(sql: string, params?: readonly unknown[]) => {
      expect(sql).toContain('FROM sessions');
      const ids = params![0] as string[];
      reads.push(ids);
      // The sessions as they are when the query is sent.
      const rows = ids.filter((id) => sessions.has(id)).map(row);
      return new Promise<T[]>((resolve) => setTimeout(() => resolve(rows as T[]), 5));
    },
    exec: () => Promise.resolve(),
  };
  return { db, reads, sessions };
}

describe('the session of a signed-in request', () => {
  it('is read with one query for every request that arrives in one turn, each getting its own', async () => {
    const { db, reads } = fakeSessions(['a', 'b']);
    const [a, b, again, unknown] = await Promise.all([
      findSessionActor(db, 'a', 60),
      findSessionActor(db, 'b', 60),
      findSessionActor(db, 'a', 60),
      findSessionActor(db, 'x', 60),
    ]);
    expect(reads).toEqual([['a', 'b', 'x']]);
    expect(a?.user.email).toBe('a@example.se');
    expect(b?.session.csrf_token).toBe('csrf-b');
    expect(again?.user.id).toBe('user-a');
    expect(unknown).toBeUndefined();
    expect(a?.readVersions).toEqual({ cases: 1 });
    // Two requests of one session share the row, not the session object a request may change.
    expect(again?.session).not.toBe(a?.session);
  });

  it('is read again for a request that arrives after the read was sent: a session ended in between is gone', async () => {
    const { db, reads, sessions } = fakeSessions(['a']);
    const first = findSessionActor(db, 'a', 60);
    await new Promise((r) => setImmediate(r));
    sessions.delete('a');
    const second = findSessionActor(db, 'a', 60);
    expect((await first)?.user.id).toBe('user-a');
    expect(await second).toBeUndefined();
    expect(reads).toHaveLength(2);
  });

  it('is read per database and per idle timeout', async () => {
    const one = fakeSessions(['a']);
    const two = fakeSessions([]);
    const [a, none, longer] = await Promise.all([
      findSessionActor(one.db, 'a', 60),
      findSessionActor(two.db, 'a', 60),
      findSessionActor(one.db, 'a', 120),
    ]);
    expect(a?.user.id).toBe('user-a');
    expect(none).toBeUndefined();
    expect(longer?.user.id).toBe('user-a');
    expect(one.reads).toHaveLength(2);
    expect(two.reads).toHaveLength(1);
  });
});
