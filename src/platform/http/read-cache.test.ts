import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/types.js';
import { topicVersions } from './read-cache.js';

/** A database whose read_versions is a map, counting the reads and when each was sent. */
function fakeVersions(initial: Record<string, number>) {
  const versions = new Map(Object.entries(initial));
  const sent: number[] = [];
  const db: Queryable = {
    query: <T>(sql: string) => {
      expect(sql).toContain('read_versions');
      sent.push(sent.length);
      // The rows as the database holds them when the query is sent.
      const rows = [...versions].map(([topic, version]) => ({ topic, version }));
      return new Promise<T[]>((resolve) => setTimeout(() => resolve(rows as T[]), 5));
    },
    exec: () => Promise.resolve(),
  };
  return { db, versions, sent };
}

describe('the versions of the cached reads’ topics', () => {
  it('are read once for every request that arrives in one turn', async () => {
    const { db, sent } = fakeVersions({ cases: 3, reference: 7 });
    const answers = await Promise.all([
      topicVersions(db, ['cases']),
      topicVersions(db, ['reference', 'cases']),
      topicVersions(db, ['groups']),
    ]);
    expect(answers).toEqual(['cases:3', 'reference:7,cases:3', 'groups:0']);
    expect(sent).toHaveLength(1);
  });

  it('are read again for a request that arrives after the read was sent, so it sees a write committed in between', async () => {
    const { db, versions, sent } = fakeVersions({ cases: 3 });
    const first = topicVersions(db, ['cases']);
    // The shared read is sent when this turn's I/O is done.
    await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(1);
    versions.set('cases', 4);
    const second = topicVersions(db, ['cases']);
    expect(await first).toBe('cases:3');
    expect(await second).toBe('cases:4');
    expect(sent).toHaveLength(2);
  });

  it('are read per database: two apps in one process never share a read', async () => {
    const a = fakeVersions({ cases: 1 });
    const b = fakeVersions({ cases: 2 });
    expect(await Promise.all([topicVersions(a.db, ['cases']), topicVersions(b.db, ['cases'])])).toEqual(['cases:1', 'cases:2']);
  });

  it('fail for every request that shared a failed read, and the next request reads again', async () => {
    let fail = true;
    const db: Queryable = {
      query: <T>() =>
        fail ? Promise.reject(new Error('connection lost')) : Promise.resolve([{ topic: 'x', version: 1 }] as T[]),
      exec: () => Promise.resolve(),
    };
    const shared = [topicVersions(db, ['x']), topicVersions(db, ['x'])];
    await expect(shared[0]).rejects.toThrow('connection lost');
    await expect(shared[1]).rejects.toThrow('connection lost');
    fail = false;
    expect(await topicVersions(db, ['x'])).toBe('x:1');
  });
});
