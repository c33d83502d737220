/**
 * The search and open data rate limits are settings (issue 20): the configured figures apply,
 * per client, with 429 and Retry-After beyond them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/platform/http/app.js';
import { FLUSH_MS } from '../src/platform/http/rate-tally.js';
import { createApp } from '../src/server.js';
import { testConfig, useTestApp } from './helpers/app.js';
import { secondProcess } from './helpers/second-process.js';

const rateLimits = { search: { max: 2, windowSeconds: 60 }, export: undefined, openData: { max: 1, windowSeconds: 60 } };
const t = useTestApp({ rateLimits });

/** A second app process on the same database. */
let other: App;
beforeAll(async () => {
  other = await secondProcess(t.db, testConfig({ rateLimits }));
});
afterAll(async () => other?.close());

describe('rate limits from the settings', () => {
  it('searches: the configured number per window, then 429; a list without q is not counted', async () => {
    const from = { remoteAddress: '192.0.2.10' };
    const search = () => t.request({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', ...from });
    expect((await search()).statusCode).toBe(200);
    expect((await search()).statusCode).toBe(200);
    const refused = await search();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.request({ method: 'GET', url: '/api/v1/groups', ...from })).statusCode).toBe(200);
    // Another client has its own count.
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', remoteAddress: '192.0.2.11' })).statusCode,
    ).toBe(200);
  });

  it('open data: each page counts', async () => {
    const from = { remoteAddress: '192.0.2.20' };
    const page = () => t.request({ method: 'GET', url: '/api/v1/open-data/implementation-statuses?limit=1', ...from });
    expect((await page()).statusCode).toBe(200);
    expect((await page()).statusCode).toBe(429);
  });

  it('counts in the shared row: another process sees the hits at once near the limit', async () => {
    const from = { remoteAddress: '192.0.2.30' };
    const page = (app: App) => app.inject({ method: 'GET', url: '/api/v1/open-data/implementation-statuses?limit=1', ...from });
    expect((await page(t.app)).statusCode).toBe(200);
    expect((await page(other)).statusCode).toBe(429);
    // Searches, 2 per window: near the limit every hit is written, in either process.
    const searcher = { remoteAddress: '192.0.2.32' };
    const search = (app: App) => app.inject({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', ...searcher });
    expect([(await search(t.app)).statusCode, (await search(other)).statusCode, (await search(t.app)).statusCode]).toEqual([
      200, 200, 429,
    ]);
  });

  it('far from the limit, writes the hits in batches and loses none', async () => {
    const roomy = await createApp(
      t.db,
      testConfig({ rateLimits: { ...rateLimits, search: { max: 100, windowSeconds: 60 } } }),
      false,
    );
    try {
      await roomy.ready();
      const search = () => roomy.inject({ method: 'GET', url: '/api/v1/groups?q=hj%C3%A4rta', remoteAddress: '192.0.2.31' });
      const hits = async () =>
        Number((await t.db.query<{ hits: number }>(`SELECT hits FROM rate_limits WHERE key = 'search:ip:192.0.2.31'`))[0]?.hits);
      // Ten at once: the first is written, those that come within FLUSH_MS of it go with the next write.
      const first = await Promise.all(Array.from({ length: 10 }, () => search()));
      expect(first.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      expect(await hits()).toBeLessThan(10);
      await sleep(FLUSH_MS + 50);
      expect((await search()).statusCode).toBe(200);
      expect(await hits()).toBe(11);
    } finally {
      await roomy.close();
    }
  });
});
