import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { GZIP_FROM } from '../src/platform/http/read-cache.js';
import { testConfig, useTestApp } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

/**
 * Cached reads (src/platform/http/read-cache.ts): an answer is kept per app process and used
 * only while the versions of its topics are those it was built from. Shown on the reference
 * lists, whose topic every write to the geography bumps in its own transaction.
 */
const t = useTestApp();

/** A second app process on the same database: its cache is its own. */
let other: App;
beforeAll(async () => {
  other = await secondProcess(t.db, testConfig());
});
afterAll(async () => other?.close());

const regions = async (app: App = t.app, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/v1/regions?limit=5', headers });
const firstName = (body: string) => (JSON.parse(body) as { items: { code: string; name: string }[] }).items[0]!;

describe('a cached reference list', () => {
  it('answers the same bytes and entity tag again, and 304 to a client that has them', async () => {
    const a = await regions();
    const b = await regions();
    expect(a.statusCode).toBe(200);
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(a.headers.etag).toMatch(/^"c-[\w-]{22}"$/);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toBe(a.body);
    expect(firstName(a.body)).toEqual(expect.objectContaining({ code: '01', name: 'Region Stockholm' }));

    const again = await regions(t.app, { 'if-none-match': a.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const elsewhere = await regions(t.app, { 'if-none-match': '"c-somethingelse"' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('is rebuilt in every process once a write to its data has committed, and not before', async () => {
    const before = await regions();
    await regions(other);
    // A write that rolls back leaves the version, and so the kept answer, as it was.
    await t.db
      .transaction(async (tx) => {
        await tx.query(`UPDATE regions SET name = 'Region Stockholm (ändrad)' WHERE code = '01'`);
        throw new Error('rolled back');
      })
      .catch((err: unknown) => expect(String(err)).toContain('rolled back'));
    expect((await regions()).headers.etag).toBe(before.headers.etag);

    await t.db.query(`UPDATE regions SET name = 'Region Stockholm (ändrad)' WHERE code = '01'`);
    for (const app of [t.app, other]) {
      const after = await regions(app);
      expect(firstName(after.body).name).toBe('Region Stockholm (ändrad)');
      expect(after.headers.etag).not.toBe(before.headers.etag);
    }
    // A client holding the old tag gets the new answer, not 304.
    const stale = await regions(t.app, { 'if-none-match': before.headers.etag as string });
    expect(stale.statusCode).toBe(200);
    await t.db.query(`UPDATE regions SET name = 'Region Stockholm' WHERE code = '01'`);
    expect(firstName((await regions(other)).body).name).toBe('Region Stockholm');
  });

  it('keeps one answer per query and never keeps a refusal', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/regions?healthcareRegion=norra' });
    const codes = (JSON.parse(all.body) as { items: { code: string }[] }).items.map((r) => r.code);
    expect(codes).toEqual(['22', '23', '24', '25']);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/regions?healthcareRegion=atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/regions?healthcareRegion=atlantis' })).statusCode).toBe(400);
  });
});

describe('a kept answer to a client that takes gzip', () => {
  const all = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/v1/regions', headers });

  it('is the same bytes gzipped, with its own entity tag, and says the answer varies by Accept-Encoding', async () => {
    const plain = await all();
    const zipped = await all({ 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.rawPayload.length).toBeGreaterThanOrEqual(GZIP_FROM);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    for (const r of [plain, zipped]) expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.rawPayload.length);
    expect(zipped.headers.etag).toBe(`${(plain.headers.etag as string).slice(0, -1)}-gz"`);

    // Each tag answers 304 only for its own coding.
    const etag = zipped.headers.etag as string;
    expect((await all({ 'accept-encoding': 'gzip', 'if-none-match': etag })).statusCode).toBe(304);
    expect((await all({ 'if-none-match': etag })).statusCode).toBe(200);
    expect((await all({ 'accept-encoding': 'gzip', 'if-none-match': plain.headers.etag as string })).statusCode).toBe(200);
  });

  it('is plain to a client that refuses gzip, and a small answer is never gzipped', async () => {
    for (const refusing of ['gzip;q=0', 'identity', 'br', '*;q=0', 'gzip;q=0, *']) {
      // `*` takes gzip unless gzip itself is refused (its own weight decides).
      const r = await all({ 'accept-encoding': refusing });
      expect(r.headers['content-encoding'], refusing).toBeUndefined();
      expect(JSON.parse(r.body)).toEqual(expect.objectContaining({ items: expect.any(Array) }));
    }
    expect((await all({ 'accept-encoding': '*' })).headers['content-encoding']).toBe('gzip');
    const small = await regions(t.app, { 'accept-encoding': 'gzip' });
    expect(small.rawPayload.length).toBeLessThan(GZIP_FROM);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary ?? '').not.toMatch(/Accept-Encoding/);
  });
});

describe('NAVET_READ_CACHE_MB=0', () => {
  it('builds every answer, still right after a write', async () => {
    const off = await secondProcess(t.db, testConfig({ readCacheMb: 0 }));
    try {
      await off.ready();
      const a = await regions(off);
      expect(a.statusCode).toBe(200);
      expect(a.headers.etag).toBeUndefined();
      await t.db.query(`UPDATE regions SET name = 'Region Stockholm (av)' WHERE code = '01'`);
      expect(firstName((await regions(off)).body).name).toBe('Region Stockholm (av)');
      await t.db.query(`UPDATE regions SET name = 'Region Stockholm' WHERE code = '01'`);
    } finally {
      await off.close();
    }
  });
});
